// Test-only secret: signs the cookies of the throwaway e2e server (playwright.config.ts) and
// nothing else. health.spec.ts checks it never shows up in a response.
export const E2E_TEST_ONLY_AUTH_SECRET = "e2e-test-only-auth-secret-do-not-use-0123456789";

export const SESSION_COOKIE = "authjs.session-token";

// Test-only VAPID key pair of the throwaway e2e server (web push journeys, push.spec.ts).
export const E2E_TEST_ONLY_VAPID = {
  publicKey:
    "BL_AFUEM5z7FhB-Hci06mu5_UEjFYuudPX-ZF2lEXOapl3L4n1IHfna2UqLcWfL2hW5WMra4H3FJIUE2llfjW9U",
  privateKey: "VsgumBKO7_OK7wa19D43RZI1SPmWYhotRNwPRbbul88",
};
