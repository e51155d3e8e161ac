// Runs once when the server starts, before it serves requests: validates the settings and, in the
// embedded mode, migrates the PGlite database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/env");
  const { prepareDatabase } = await import("@/lib/db");
  await prepareDatabase();
}
