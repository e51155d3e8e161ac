import "server-only";
import { Readable } from "node:stream";
import type { Db } from "@/db/client";
import type { Storage } from "@/lib/storage/types";
import { ownExport } from "./queries";

// The download behind the mailed link and Settings' button: only the owner, only while the export
// is ready and within its week. Anyone else's export id is "not found", like a wrong id.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The presigned S3 link lives just long enough for the browser to follow the redirect. */
const PRESIGN_SECONDS = 60;

const text = (status: number, body: string) =>
  new Response(`${body}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });

export async function downloadResponse(
  db: Db,
  storage: Storage,
  viewer: { id: string; username: string } | null,
  exportId: string,
  now = new Date(),
): Promise<Response> {
  if (!viewer) {
    // Signed out (the mail opened in another browser): sign in, then Settings has the button.
    return new Response(null, {
      status: 303,
      headers: { Location: "/login?next=%2Faccounts%2Fsettings", "Cache-Control": "no-store" },
    });
  }
  const row = UUID.test(exportId) ? await ownExport(db, viewer.id, exportId) : null;
  if (!row) return text(404, "This download isn't available.");
  if (row.status === "pending") return text(409, "Your information is still being prepared.");
  if (row.status !== "ready" || !row.expiresAt || row.expiresAt <= now) {
    return text(410, "This download has expired. Ask for a new one in Settings.");
  }
  const filename = `snapgram-${viewer.username}-${row.readyAt?.toISOString().slice(0, 10) ?? "data"}.zip`;
  const signed = await storage.downloadUrl(row.key, filename, PRESIGN_SECONDS);
  if (signed) {
    return new Response(null, {
      status: 302,
      headers: { Location: signed, "Cache-Control": "private, no-store" },
    });
  }
  const stream = await storage.readStream(row.key);
  if (!stream) return text(410, "This download has expired. Ask for a new one in Settings.");
  const headers: Record<string, string> = {
    "Content-Type": "application/zip",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Cache-Control": "private, no-store",
  };
  if (row.size) headers["Content-Length"] = String(row.size);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
}
