import { and, eq } from "drizzle-orm";
import { dataExports } from "@/db/schema";
import { requestDataExportAction } from "@/lib/data-export/actions";
import { type ActionCase, signedInMatrix } from "../action-cases";

// "Download your information": the export is always the caller's own (no input names an account),
// so anyone else signed in queues their own and the owner's account gets nothing.

export const dataExportCases: Record<string, ActionCase> = {
  "data-export/actions:requestDataExportAction": {
    action: requestDataExportAction,
    arrange: async () => undefined,
    changed: async (w) =>
      (
        await w.h
          .db()
          .select({ id: dataExports.id })
          .from(dataExports)
          .where(and(eq(dataExports.userId, w.owner.id), eq(dataExports.status, "pending")))
      ).length === 1,
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },
};
