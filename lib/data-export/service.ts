import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { type DataExport, dataExports, users } from "@/db/schema";
import type { Mailer } from "@/lib/email/types";
import { fail, ok, type Result } from "@/lib/result";
import type { Storage } from "@/lib/storage/types";
import { exportArchive } from "./archive";
import { dataExportReadyMail } from "./mail";
import { downloadPath } from "./paths";
import { claimPendingExport, expiredExports, exportKey } from "./queries";

// "Download your information": a request queues a pending export (one at a time per account);
// runDataExports builds it off the request path (kicked off after the response, and picked up by
// every maintenance run if that was lost), streams the zip into storage, marks it ready for 7
// days and mails the owner a link; expireDataExports deletes archives whose week is over.

const DAY_MS = 86_400_000;
export const EXPORT_TTL_DAYS = 7;
/** A builder holds an export this long; a lost job is taken over after it. */
export const EXPORT_CLAIM_MS = 15 * 60_000;
/** Tries before an export is given up on ("failed": the owner can ask again). */
export const EXPORT_MAX_ATTEMPTS = 3;

export const ALREADY_PREPARING =
  "Your information is already being prepared. We'll e-mail you a link when it's ready.";

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * Queues an export of the account's information. Refused while one is being prepared; a new
 * request ends an earlier ready download (its archive is deleted by the next maintenance run).
 */
export async function requestDataExport(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  try {
    return await db.transaction(async (tx) => {
      const [pending] = await tx
        .select({ id: dataExports.id })
        .from(dataExports)
        .where(and(eq(dataExports.userId, userId), eq(dataExports.status, "pending")));
      if (pending) return fail("CONFLICT", ALREADY_PREPARING);
      await tx
        .update(dataExports)
        .set({ expiresAt: now })
        .where(
          and(
            eq(dataExports.userId, userId),
            eq(dataExports.status, "ready"),
            sql`${dataExports.expiresAt} > ${now.toISOString()}`,
          ),
        );
      const id = uuidv7();
      await tx
        .insert(dataExports)
        .values({ id, userId, key: exportKey(userId, id), requestedAt: now });
      return ok({ id });
    });
  } catch (error) {
    // Two requests at once: the partial unique index lets exactly one through.
    if (isUniqueViolation(error)) return fail("CONFLICT", ALREADY_PREPARING);
    throw error;
  }
}

type RunOptions = { appUrl: string; now?: Date; limit?: number };

async function build(db: Db, storage: Storage, mailer: Mailer, job: DataExport, o: RunOptions) {
  const now = o.now ?? new Date();
  const { size } = await storage.putStream(
    job.key,
    exportArchive(db, storage, job.userId, now),
    "application/zip",
  );
  const expiresAt = new Date(now.getTime() + EXPORT_TTL_DAYS * DAY_MS);
  const [done] = await db
    .update(dataExports)
    .set({ status: "ready", size, readyAt: now, expiresAt, claimedUntil: null, lastError: null })
    .where(and(eq(dataExports.id, job.id), eq(dataExports.status, "pending")))
    .returning({ id: dataExports.id });
  if (!done) {
    // Taken over and finished by another runner meanwhile (a claim ran out): keep its archive.
    return;
  }
  const [owner] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, job.userId));
  if (!owner) return;
  const url = new URL(downloadPath(job.id), o.appUrl).toString();
  try {
    await mailer.send(dataExportReadyMail(owner, url, expiresAt));
  } catch (error) {
    // The export stays ready and Settings offers it; only the mail is lost.
    console.error("data export mail failed", job.id, error);
  }
}

/**
 * Builds pending exports one after another (at most `limit`), each held by a claim so two runners
 * never build the same one. A failed build is retried after its claim runs out, then given up.
 */
export async function runDataExports(
  db: Db,
  storage: Storage,
  mailer: Mailer,
  o: RunOptions,
): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (let i = 0; i < (o.limit ?? 5); i++) {
    const now = o.now ?? new Date();
    const job = await claimPendingExport(db, now, new Date(now.getTime() + EXPORT_CLAIM_MS));
    if (!job) break;
    try {
      await build(db, storage, mailer, job, o);
      done += 1;
    } catch (error) {
      failed += 1;
      console.error("data export failed", job.id, error);
      await storage.delete([job.key]).catch(() => {});
      const givenUp = job.attempts >= EXPORT_MAX_ATTEMPTS;
      await db
        .update(dataExports)
        .set({ status: givenUp ? "failed" : "pending", lastError: String(error).slice(0, 500) })
        .where(and(eq(dataExports.id, job.id), eq(dataExports.status, "pending")));
    }
  }
  return { done, failed };
}

/** runDataExports after a request's response: never throws, maintenance picks up what is left. */
export async function settleDataExports(
  db: Db,
  storage: Storage,
  mailer: Mailer,
  o: RunOptions,
): Promise<void> {
  try {
    await runDataExports(db, storage, mailer, { ...o, limit: 1 });
  } catch (error) {
    console.error("data export run failed; maintenance will retry", error);
  }
}

/** Deletes the archives of exports whose week is over (or that a newer request replaced). */
export async function expireDataExports(db: Db, storage: Storage, now = new Date()) {
  const rows = await expiredExports(db, now);
  if (rows.length === 0) return 0;
  await storage.delete(rows.map((r) => r.key));
  for (const r of rows) {
    await db
      .update(dataExports)
      .set({ status: "expired" })
      .where(and(eq(dataExports.id, r.id), eq(dataExports.status, "ready")));
  }
  return rows.length;
}
