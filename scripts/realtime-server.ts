// `npx tsx scripts/realtime-server.ts`: the embedded realtime server (soketi on 127.0.0.1 with the
// app's embedded settings) in the foreground, for Playwright or a second terminal. `npm run dev`
// starts the same server itself (scripts/dev.ts). Does nothing when PUSHER_* is configured.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
const { env } = await import("../lib/env");
const { resolveRealtimeSettings } = await import("../lib/realtime/settings");
const { startSoketi } = await import("../lib/realtime/soketi");

const settings = resolveRealtimeSettings(env);
if (settings.driver !== "embedded") {
  const why = settings.driver === "disabled" ? "REALTIME_DISABLED=true" : "PUSHER_* is configured";
  console.log(`realtime: ${why}; no local server to start.`);
  process.exit(0);
}

const server = await startSoketi({
  port: settings.port,
  appId: settings.appId,
  key: settings.key,
  secret: settings.secret,
  output: { prefix: "[realtime]" },
}).catch((error: unknown) => {
  console.error(`realtime: could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
console.log(`realtime: Pusher-protocol server on ws://${settings.host}:${settings.port}`);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void server.stop());
}
const code = await server.exited;
process.exit(code ?? 0);
