import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { hashtags, postHashtags, postMentions } from "@/db/schema";
import { extractTagsAndMentions } from "./caption";
import { findMentionableIds } from "./queries";

// Keeps a post's hashtags (with exact per-tag post counts) and mentions in step with its caption.
// Called inside the transaction that writes the caption.

export async function syncHashtags(
  tx: Executor,
  postId: string,
  oldCaption: string,
  newCaption: string,
  now: Date,
) {
  const before = new Set(extractTagsAndMentions(oldCaption).tags);
  const after = new Set(extractTagsAndMentions(newCaption).tags);
  const added = [...after].filter((t) => !before.has(t));
  const removed = [...before].filter((t) => !after.has(t));

  if (added.length > 0) {
    await tx
      .insert(hashtags)
      .values(added.map((tag) => ({ tag })))
      .onConflictDoNothing({ target: hashtags.tag });
    const rows = await tx
      .select({ id: hashtags.id })
      .from(hashtags)
      .where(inArray(hashtags.tag, added));
    const ids = rows.map((r) => r.id);
    const linked = await tx
      .insert(postHashtags)
      .values(ids.map((hashtagId) => ({ postId, hashtagId, createdAt: now })))
      .onConflictDoNothing()
      .returning({ hashtagId: postHashtags.hashtagId });
    if (linked.length > 0) {
      await tx
        .update(hashtags)
        .set({ postCount: sql`${hashtags.postCount} + 1` })
        .where(
          inArray(
            hashtags.id,
            linked.map((l) => l.hashtagId),
          ),
        );
    }
  }
  if (removed.length > 0) {
    const rows = await tx
      .select({ id: hashtags.id })
      .from(hashtags)
      .where(inArray(hashtags.tag, removed));
    await unlinkHashtags(
      tx,
      postId,
      rows.map((r) => r.id),
    );
  }
}

/** Removes a post's links to the given tags (all when omitted), keeping counts exact. */
export async function unlinkHashtags(tx: Executor, postId: string, hashtagIds?: string[]) {
  if (hashtagIds?.length === 0) return;
  const gone = await tx
    .delete(postHashtags)
    .where(
      and(
        eq(postHashtags.postId, postId),
        hashtagIds ? inArray(postHashtags.hashtagId, hashtagIds) : undefined,
      ),
    )
    .returning({ hashtagId: postHashtags.hashtagId });
  if (gone.length > 0) {
    await tx
      .update(hashtags)
      .set({ postCount: sql`greatest(${hashtags.postCount} - 1, 0)` })
      .where(
        inArray(
          hashtags.id,
          gone.map((g) => g.hashtagId),
        ),
      );
  }
}

/** Replaces a post's mentions with the active accounts its caption names (never the author). */
export async function syncMentions(
  tx: Executor,
  postId: string,
  authorId: string,
  caption: string,
  now: Date,
) {
  await tx.delete(postMentions).where(eq(postMentions.postId, postId));
  const names = extractTagsAndMentions(caption).mentions;
  if (names.length === 0) return;
  const mentioned = await findMentionableIds(tx, names, authorId);
  if (mentioned.length === 0) return;
  await tx
    .insert(postMentions)
    .values(mentioned.map((userId) => ({ postId, userId, createdAt: now })))
    .onConflictDoNothing();
}
