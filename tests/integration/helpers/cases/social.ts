import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  comments,
  dismissedSuggestions,
  followRequests,
  follows,
  likes,
  notifications,
  recentSearches,
  saves,
  users,
} from "@/db/schema";
import { addCommentAction, deleteCommentAction } from "@/lib/comments/actions";
import { addComment } from "@/lib/comments/service";
import { dismissSuggestionAction } from "@/lib/discover/actions";
import {
  approveFollowRequestAction,
  deleteFollowRequestAction,
  setFollowAction,
  setPrivateAccountAction,
} from "@/lib/follows/actions";
import { setFollow } from "@/lib/follows/service";
import { setPrivateAccount } from "@/lib/follows/service-requests";
import { setLikeAction } from "@/lib/likes/actions";
import { setLike } from "@/lib/likes/service";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { setSaveAction } from "@/lib/saves/actions";
import { setSave } from "@/lib/saves/service";
import { clearRecentSearchesAction, recordSearchAction } from "@/lib/search/actions";
import { recordSearch } from "@/lib/search/service";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";
import { insertPost } from "../social";

// Likes, follows, saves, comments, notifications, suggestions and recent searches: each belongs
// to the signed-in user, so another user's call can only ever touch their own.

export async function exists(w: World, table: PgTable, where: SQL | undefined): Promise<boolean> {
  const rows = await w.h.db().select().from(table).where(where).limit(1);
  return rows.length > 0;
}

const postBy = (w: World, author = w.third) => insertPost(w.h.db(), author.id);
const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(`arrange failed: ${JSON.stringify(r)}`);
  return r;
};

/** The owner goes private and "third" asks to follow; the input names the requester. */
async function requestToOwner(w: World) {
  ok((await setPrivateAccount(w.h.db(), w.owner.id, { isPrivate: true })).result);
  const asked = (await setFollow(w.h.db(), w.third.id, { userId: w.owner.id, follow: true }))
    .result;
  if (!asked.ok || !asked.data.requested) throw new Error("arrange failed: no request");
  return { userId: w.third.id };
}

export const socialCases: Record<string, ActionCase> = {
  "likes/actions:setLikeAction": {
    action: setLikeAction,
    // The owner's like exists; the call takes it back.
    async arrange(w) {
      const postId = await postBy(w);
      ok((await setLike(w.h.db(), w.owner.id, { postId, liked: true })).result);
      return { postId, liked: false };
    },
    changed: async (w, input) =>
      !(await exists(
        w,
        likes,
        and(eq(likes.userId, w.owner.id), eq(likes.postId, (input as { postId: string }).postId)),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), postId: "42" }), field: "postId" },
      { input: (_w, good) => ({ postId: (good as { postId: string }).postId }), field: "liked" },
    ],
  },

  "follows/actions:setFollowAction": {
    action: setFollowAction,
    async arrange(w) {
      ok((await setFollow(w.h.db(), w.owner.id, { userId: w.third.id, follow: true })).result);
      return { userId: w.third.id, follow: false };
    },
    changed: async (w) =>
      !(await exists(
        w,
        follows,
        and(eq(follows.followerId, w.owner.id), eq(follows.followeeId, w.third.id)),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ userId: "ana", follow: true }), field: "userId" },
      { input: (w) => ({ userId: w.third.id }), field: "follow" },
    ],
  },

  // The owner's account is private and "third" asked to follow it: only the owner can answer.
  "follows/actions:approveFollowRequestAction": {
    action: approveFollowRequestAction,
    arrange: requestToOwner,
    changed: (w) =>
      exists(
        w,
        follows,
        and(eq(follows.followerId, w.third.id), eq(follows.followeeId, w.owner.id)),
      ),
    matrix: signedInMatrix("changes", "NOT_FOUND"),
    bad: [
      { input: () => ({ userId: "ben" }), field: "userId" },
      { input: () => ({}), field: "userId" },
    ],
  },

  "follows/actions:deleteFollowRequestAction": {
    action: deleteFollowRequestAction,
    arrange: requestToOwner,
    changed: async (w) =>
      !(await exists(
        w,
        followRequests,
        and(eq(followRequests.requesterId, w.third.id), eq(followRequests.targetId, w.owner.id)),
      )),
    matrix: signedInMatrix("changes", "NOT_FOUND"),
    bad: [{ input: () => ({ userId: 7 }), field: "userId" }],
  },

  "follows/actions:setPrivateAccountAction": {
    action: setPrivateAccountAction,
    arrange: async () => ({ isPrivate: true }),
    changed: (w) => exists(w, users, and(eq(users.id, w.owner.id), eq(users.isPrivate, true))),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ isPrivate: "yes" }), field: "isPrivate" },
      { input: () => ({}), field: "isPrivate" },
    ],
  },

  "saves/actions:setSaveAction": {
    action: setSaveAction,
    async arrange(w) {
      const postId = await postBy(w);
      ok(await setSave(w.h.db(), w.owner.id, { postId, saved: true }));
      return { postId, saved: false };
    },
    changed: async (w, input) =>
      !(await exists(
        w,
        saves,
        and(eq(saves.userId, w.owner.id), eq(saves.postId, (input as { postId: string }).postId)),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: [{ input: (_w, good) => ({ ...(good as object), saved: "yes" }), field: "saved" }],
  },

  "comments/actions:addCommentAction": {
    action: addCommentAction,
    arrange: async (w) => ({ postId: await postBy(w), body: "  Lovely light  " }),
    changed: (w) =>
      exists(
        w,
        comments,
        and(eq(comments.authorId, w.owner.id), eq(comments.body, "Lovely light")),
      ),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), body: " \n " }), field: "body" },
      { input: (_w, good) => ({ ...(good as object), body: "x".repeat(2201) }), field: "body" },
      { input: (_w, good) => ({ ...(good as object), replyToId: "c-1" }), field: "replyToId" },
      { input: (_w, good) => ({ ...(good as object), body: "nul \u0000 here" }), field: "body" },
      { input: (_w, good) => ({ ...(good as object), postId: "p1" }), field: "postId" },
    ],
  },

  "comments/actions:deleteCommentAction": {
    action: deleteCommentAction,
    // The owner's comment on a third person's post: only its author (or the post's) may delete it.
    async arrange(w) {
      const postId = await postBy(w);
      const r = ok(
        (await addComment(w.h.db(), w.h.storage, w.owner.id, { postId, body: "mine" })).result,
      );
      return { commentId: r.ok ? r.data.comment.id : "" };
    },
    changed: async (w, input) =>
      !(await exists(w, comments, eq(comments.id, (input as { commentId: string }).commentId))),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    bad: [{ input: () => ({ commentId: "nope" }), field: "commentId" }],
  },

  "notifications/actions:markNotificationsReadAction": {
    action: markNotificationsReadAction,
    async arrange(w) {
      const postId = await postBy(w, w.owner);
      ok((await setLike(w.h.db(), w.third.id, { postId, liked: true })).result);
      return undefined;
    },
    changed: async (w) =>
      !(await exists(
        w,
        notifications,
        and(eq(notifications.recipientId, w.owner.id), isNull(notifications.readAt)),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },

  "discover/actions:dismissSuggestionAction": {
    action: dismissSuggestionAction,
    arrange: async (w) => ({ userId: w.third.id }),
    changed: (w) =>
      exists(
        w,
        dismissedSuggestions,
        and(
          eq(dismissedSuggestions.userId, w.owner.id),
          eq(dismissedSuggestions.suggestedId, w.third.id),
        ),
      ),
    matrix: signedInMatrix("changes", "own"),
    bad: [{ input: () => ({ userId: "nope" }), field: "userId" }],
  },

  "search/actions:recordSearchAction": {
    action: recordSearchAction,
    arrange: async (w) => ({ kind: "user", target: w.third.id }),
    changed: (w) =>
      exists(
        w,
        recentSearches,
        and(eq(recentSearches.userId, w.owner.id), eq(recentSearches.target, w.third.id)),
      ),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ kind: "user", target: "nope" }), field: "target" },
      { input: () => ({ kind: "tag", target: "a b" }), field: "target" },
      { input: () => ({ kind: "place", target: "x" }), field: "kind" },
    ],
  },

  "search/actions:clearRecentSearchesAction": {
    action: clearRecentSearchesAction,
    async arrange(w) {
      ok(await recordSearch(w.h.db(), w.owner.id, { kind: "user", target: w.third.id }));
      return undefined;
    },
    changed: async (w) => !(await exists(w, recentSearches, eq(recentSearches.userId, w.owner.id))),
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },
};
