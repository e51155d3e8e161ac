// Runs once when the server starts, before it serves requests: validates the settings, in the
// embedded mode migrates the PGlite database, and starts the maintenance timer (lib/maintenance).
// Not on AWS Lambda: a frozen instance runs no timers, so the Maintenance cron does that work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { getDb, prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
  if (env.BACKGROUND_JOBS_DISABLED || process.env.AWS_LAMBDA_FUNCTION_NAME) return;
  const { startMaintenance } = await import("@/lib/maintenance/schedule");
  const { runMaintenance } = await import("@/lib/maintenance/run");
  const { getStorage } = await import("@/lib/storage");
  const { getCdn } = await import("@/lib/cdn");
  startMaintenance(() => runMaintenance(getDb(), getStorage(), new Date(), getCdn()));
}
