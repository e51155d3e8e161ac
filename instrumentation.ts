// Runs once when the server starts, before it serves requests: validates the settings, in the
// embedded mode migrates the PGlite database, and starts the maintenance timer (lib/maintenance).
// It also has the Node server record each request's socket address (lib/auth/socket-address.ts).
// Not on AWS Lambda: a frozen instance runs no timers, so the Maintenance cron does that work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: per-address limits read the socket address this records (lib/auth/client-address.ts).
  const { installSocketAddressHook } = await import("@/lib/auth/socket-address");
  installSocketAddressHook();
  const { env } = await import("@/lib/env");
  const { getDb, prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
  if (env.BACKGROUND_JOBS_DISABLED || process.env.AWS_LAMBDA_FUNCTION_NAME) return;
  const { startMaintenance } = await import("@/lib/maintenance/schedule");
  const { runMaintenance } = await import("@/lib/maintenance/run");
  const { getStorage } = await import("@/lib/storage");
  const { getCdn } = await import("@/lib/cdn");
  const { getMailer } = await import("@/lib/email");
  startMaintenance(() =>
    runMaintenance(getDb(), getStorage(), new Date(), getCdn(), {
      mailer: getMailer(),
      appUrl: env.APP_URL,
    }),
  );
}
