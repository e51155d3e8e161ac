import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { type MediaJob, mediaJobs, postMedia, posts, users } from "@/db/schema";
import { avatarPath, type Cdn, postPath } from "@/lib/cdn/types";
import { avatarKeys } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import { EVIDENCE_RETENTION_DAYS, keyAt, ownerOfKey, type Place } from "./locations";

// Photos follow their owner's state. The write that changes the state (a moderator removes a
// post, suspends or restores an account; an author deletes a post or their account) queues a job in its own
// transaction; runMediaJobs carries it out after commit, and maintenance retries what failed.
// A "place" job reads the state when it runs, so jobs that race (suspend, then restore) still
// end where the database says, whatever order they ran in.

const DAY_MS = 86_400_000;
/** Retries back off from a minute up to an hour. */
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 3_600_000);

/** The public keys of these posts' photos (every variant). */
async function postKeys(tx: Executor, postIds: string[]): Promise<string[]> {
  if (postIds.length === 0) return [];
  const rows = await tx
    .select({ variants: postMedia.variants })
    .from(postMedia)
    .where(inArray(postMedia.postId, postIds));
  return rows.flatMap((r) => r.variants.map((v) => v.key));
}

async function queue(tx: Executor, job: typeof mediaJobs.$inferInsert) {
  if (job.keys.length > 0) await tx.insert(mediaJobs).values(job);
}

/** Queues a post's photos to follow its state (removed: evidence; deleted: gone). */
export async function queuePostMedia(tx: Executor, postId: string, now = new Date()) {
  const keys = await postKeys(tx, [postId]);
  await queue(tx, { kind: "place", keys, paths: [postPath(postId)], dueAt: now });
  return keys;
}

/**
 * Queues the deletion of a removed post's evidence copy, once its retention period is over.
 * `keys` are the post's public keys (read before its rows are deleted).
 */
export async function queueEvidenceExpiry(tx: Executor, keys: string[], now = new Date()) {
  await queue(tx, {
    kind: "delete",
    keys: keys.map((k) => keyAt("evidence", k)),
    dueAt: new Date(now.getTime() + EVIDENCE_RETENTION_DAYS * DAY_MS),
  });
}

/** Queues an account's photos (its visible posts and its avatar) to follow its status. */
export async function queueAccountMedia(tx: Executor, userId: string, now = new Date()) {
  const [user] = await tx
    .select({ avatarKey: users.avatarKey })
    .from(users)
    .where(eq(users.id, userId));
  const shown = await tx
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.authorId, userId), eq(posts.status, "visible")));
  const postIds = shown.map((p) => p.id);
  const avatar = user?.avatarKey ? avatarKeys(user.avatarKey) : [];
  const keys = [...(await postKeys(tx, postIds)), ...avatar];
  // One wildcard per post while they are few; past that, each file (CloudFront allows only 15
  // wildcard paths in progress at once, but 3,000 plain ones).
  const paths =
    postIds.length <= 10
      ? postIds.map(postPath)
      : keys.filter((k) => k.startsWith("posts/")).map((k) => `/${k}`);
  if (avatar.length > 0) paths.push(avatarPath(userId));
  await queue(tx, { kind: "place", keys, paths, dueAt: now });
}

/**
 * Queues the photos of posts about to be erased with their account (called before their rows
 * are deleted, in the same transaction): every copy goes, public and held by a "place" job that
 * finds no owner, the evidence copies of removed ones by a "delete" job due now.
 */
export async function queueErasedPostsMedia(tx: Executor, postIds: string[], now = new Date()) {
  const keys = await postKeys(tx, postIds);
  const paths = postIds.length <= 10 ? postIds.map(postPath) : keys.map((k) => `/${k}`);
  await queue(tx, { kind: "place", keys, paths, dueAt: now });
  await queue(tx, { kind: "delete", keys: keys.map((k) => keyAt("evidence", k)), dueAt: now });
}

/** Queues storage keys (upload originals, exports) to be deleted as they are, after commit. */
export async function queueObjectDeletion(tx: Executor, keys: string[], now = new Date()) {
  await queue(tx, { kind: "delete", keys, dueAt: now });
}

type Target = Place | "none";

/** Where each key's object belongs now, from its post's and author's state (or its account's). */
async function targetsOf(tx: Executor, keys: string[]): Promise<Map<string, Target>> {
  const owners = keys.map((key) => ({ key, owner: ownerOfKey(key) }));
  const postIds = [
    ...new Set(owners.flatMap((o) => (o.owner?.kind === "post" ? [o.owner.postId] : []))),
  ];
  const userIds = [
    ...new Set(owners.flatMap((o) => (o.owner?.kind === "avatar" ? [o.owner.userId] : []))),
  ];
  const postState = new Map<string, Target>();
  if (postIds.length > 0) {
    const rows = await tx
      .select({ id: posts.id, status: posts.status, author: users.status })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(inArray(posts.id, postIds));
    for (const r of rows) {
      const place: Place =
        r.status === "removed" ? "evidence" : r.author !== "active" ? "held" : "public";
      postState.set(r.id, place);
    }
  }
  const avatarOf = new Map<string, { status: string; base: string | null }>();
  if (userIds.length > 0) {
    const rows = await tx
      .select({ id: users.id, status: users.status, base: users.avatarKey })
      .from(users)
      .where(inArray(users.id, userIds));
    for (const r of rows) avatarOf.set(r.id, r);
  }
  const targets = new Map<string, Target>();
  for (const { key, owner } of owners) {
    if (owner?.kind === "post") targets.set(key, postState.get(owner.postId) ?? "none");
    else if (owner?.kind === "avatar") {
      const user = avatarOf.get(owner.userId);
      const current = user?.base === owner.base;
      // A suspended or deleted (not yet erased) account's avatar is held, not public.
      targets.set(key, !current ? "none" : user.status !== "active" ? "held" : "public");
    } else targets.set(key, "none");
  }
  return targets;
}

/**
 * Puts one object where it belongs, from wherever it is. Public and held copies other than the
 * target are deleted (an S3 move cut short leaves both); an evidence copy is only ever deleted by
 * its own "delete" job, after its retention period.
 */
async function place(storage: Storage, key: string, target: Target) {
  const at = target === "none" ? null : keyAt(target, key);
  let placed = at !== null && (await storage.stat(at)) !== null;
  for (const from of ["public", "held", "evidence"] as const) {
    const source = keyAt(from, key);
    if (source === at) continue;
    if (at !== null && !placed) placed = await storage.move(source, at);
    else if (from !== "evidence") await storage.delete([source]);
  }
}

async function carryOut(tx: Executor, storage: Storage, cdn: Cdn, job: MediaJob) {
  if (job.kind === "delete") {
    await storage.delete(job.keys);
  } else {
    const targets = await targetsOf(tx, job.keys);
    for (const [key, target] of targets) await place(storage, key, target);
  }
  // After the objects moved: the CDN's next request for them reaches the origin and misses.
  await cdn.invalidate(job.paths);
}

/**
 * Carries out the jobs that are due, oldest first; a failed one is kept with a later due time.
 * One runner at a time (an advisory lock), so two jobs on the same photos never interleave.
 */
export async function runMediaJobs(
  db: Db,
  storage: Storage,
  cdn: Cdn,
  now = new Date(),
  limit = 50,
): Promise<{ done: number; failed: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('snapgram:media-jobs'))`);
    const jobs = await tx
      .select()
      .from(mediaJobs)
      .where(lte(mediaJobs.dueAt, now))
      .orderBy(asc(mediaJobs.dueAt), asc(mediaJobs.id))
      .limit(limit);
    let failed = 0;
    for (const job of jobs) {
      try {
        await carryOut(tx, storage, cdn, job);
        await tx.delete(mediaJobs).where(eq(mediaJobs.id, job.id));
      } catch (err) {
        failed += 1;
        console.error("media job failed", job.id, err);
        await tx
          .update(mediaJobs)
          .set({
            attempts: job.attempts + 1,
            lastError: String(err).slice(0, 500),
            dueAt: new Date(now.getTime() + backoffMs(job.attempts)),
          })
          .where(eq(mediaJobs.id, job.id));
      }
    }
    return { done: jobs.length - failed, failed };
  });
}

/** runMediaJobs for a request that just queued some: never throws, maintenance retries. */
export async function settleMedia(db: Db, storage: Storage, cdn: Cdn): Promise<void> {
  try {
    await runMediaJobs(db, storage, cdn);
  } catch (err) {
    console.error("media jobs failed; maintenance will retry", err);
  }
}
