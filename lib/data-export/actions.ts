"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { getMailer } from "@/lib/email";
import { env } from "@/lib/env";
import { authActionClient } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { requestDataExport, settleDataExports } from "./service";

/**
 * Settings → "Download your information": queues the signed-in account's export (refused while
 * one is being prepared) and builds it after the response. On AWS Lambda a frozen instance runs
 * nothing after its response, so the DataExports cron (sst.config.ts) builds it within a minute;
 * anywhere, a build lost on the way is picked up by the maintenance run.
 */
export const requestDataExportAction = authActionClient.action(async ({ ctx }) => {
  const result = await requestDataExport(getDb(), ctx.user.id);
  if (result.ok) {
    if (!process.env.AWS_LAMBDA_FUNCTION_NAME) {
      after(() => settleDataExports(getDb(), getStorage(), getMailer(), { appUrl: env.APP_URL }));
    }
    revalidatePath("/accounts/settings");
  }
  return result;
});
