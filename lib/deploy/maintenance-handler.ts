import { getCdn } from "@/lib/cdn";
import { getDb } from "@/lib/db";
import { runMaintenance } from "@/lib/maintenance/run";
import { getStorage } from "@/lib/storage";

// The Maintenance cron (sst.config.ts, every 5 minutes): the same pass the in-process timer runs
// on a long-lived server (Discover rebuild when stale, abandoned-upload sweep, media jobs, ended
// sessions). Settings come through lib/env/index.ts, which reads the linked resources under SST.
// Bundled with the "react-server" condition so "server-only" imports resolve to nothing.
export async function handler() {
  const started = Date.now();
  const result = await runMaintenance(getDb(), getStorage(), new Date(), getCdn());
  console.log(
    JSON.stringify({ level: "info", msg: "maintenance done", ms: Date.now() - started, ...result }),
  );
  return result;
}
