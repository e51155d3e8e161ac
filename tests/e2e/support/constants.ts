// Test-only secret: signs the cookies of the throwaway e2e server (playwright.config.ts) and
// nothing else. health.spec.ts checks it never shows up in a response.
export const E2E_TEST_ONLY_AUTH_SECRET = "e2e-test-only-auth-secret-do-not-use-0123456789";

export const SESSION_COOKIE = "authjs.session-token";
