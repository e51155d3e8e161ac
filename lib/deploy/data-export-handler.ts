import { runDataExports } from "@/lib/data-export/service";
import { getDb } from "@/lib/db";
import { getMailer } from "@/lib/email";
import { env } from "@/lib/env";
import { getStorage } from "@/lib/storage";

// The DataExports cron (sst.config.ts, every minute, up to 15 minutes a run): builds pending
// "Download your information" archives. On Lambda nothing runs after a response, so requests only
// queue them. A build cut short by the timeout keeps its claim (15 minutes), then is retried.
export async function handler() {
  const started = Date.now();
  const result = await runDataExports(getDb(), getStorage(), getMailer(), {
    appUrl: env.APP_URL,
    limit: 5,
  });
  console.log(
    JSON.stringify({
      level: "info",
      msg: "data exports done",
      ms: Date.now() - started,
      ...result,
    }),
  );
  return result;
}
