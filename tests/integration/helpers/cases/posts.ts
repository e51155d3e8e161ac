import { and, eq } from "drizzle-orm";
import { posts, uploadSlots } from "@/db/schema";
import {
  createPostAction,
  deletePostAction,
  requestUploadsAction,
  setPostControlsAction,
  updatePostAction,
} from "@/lib/posts/actions";
import { requestUploads } from "@/lib/posts/service-uploads";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";
import { jpeg } from "../media";
import { insertPost } from "../social";
import { exists } from "./social";

// Posts: upload slots and photos belong to whoever asked for them; only a post's author edits or
// deletes it (others get FORBIDDEN, moderators act through decideAction).

/** An upload slot of `user` with a real photo already "uploaded" to it, as the browser would. */
export async function uploadedSlot(w: World, user = w.owner, purpose: "post" | "avatar" = "post") {
  const photo = await jpeg(400, 300);
  const r = await requestUploads(w.h.db(), w.h.storage, user.id, {
    purpose,
    files: [{ type: "image/jpeg", size: photo.length }],
  });
  const slotId = r.ok ? (r.data.slots[0]?.id ?? "") : "";
  const [slot] = await w.h.db().select().from(uploadSlots).where(eq(uploadSlots.id, slotId));
  if (!slot) throw new Error("no slot");
  await w.h.storage.write(slot.key, photo, "image/jpeg");
  return slotId;
}

const postId = (input: unknown) => (input as { postId: string }).postId;

export const postCases: Record<string, ActionCase> = {
  "posts/actions:requestUploadsAction": {
    action: requestUploadsAction,
    arrange: async () => ({ purpose: "post", files: [{ type: "image/png", size: 1234 }] }),
    changed: (w) => exists(w, uploadSlots, eq(uploadSlots.userId, w.owner.id)),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      {
        input: () => ({ purpose: "post", files: [{ type: "image/gif", size: 10 }] }),
        field: "files.0.type",
      },
      { input: () => ({ purpose: "post", files: [] }), field: "files" },
      {
        input: () => ({ purpose: "post", files: [{ type: "image/jpeg", size: 26 * 1024 * 1024 }] }),
        field: "files.0.size",
      },
      {
        input: () => ({ purpose: "banner", files: [{ type: "image/jpeg", size: 1 }] }),
        field: "purpose",
      },
    ],
  },

  "posts/actions:createPostAction": {
    action: createPostAction,
    // The owner's uploaded photo: nobody else can publish it.
    arrange: async (w) => ({
      aspect: "1:1",
      caption: "Sunset",
      media: [{ slotId: await uploadedSlot(w) }],
    }),
    changed: (w) =>
      exists(w, posts, and(eq(posts.authorId, w.owner.id), eq(posts.caption, "Sunset"))),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), aspect: "2:1" }), field: "aspect" },
      {
        input: (_w, good) => ({ ...(good as object), caption: "x".repeat(2201) }),
        field: "caption",
      },
      { input: (_w, good) => ({ ...(good as object), media: [] }), field: "media" },
      {
        input: (_w, good) => ({
          ...(good as object),
          media: (good as { media: object[] }).media.map((m) => ({ ...m, alt: "a".repeat(301) })),
        }),
        field: "media.0.alt",
      },
    ],
  },

  "posts/actions:updatePostAction": {
    action: updatePostAction,
    arrange: async (w) => ({ postId: await insertPost(w.h.db(), w.owner.id), caption: "Edited" }),
    changed: (w, input) =>
      exists(w, posts, and(eq(posts.id, postId(input)), eq(posts.caption, "Edited"))),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), postId: "x" }), field: "postId" },
      {
        input: (_w, good) => ({ ...(good as object), caption: "x".repeat(2201) }),
        field: "caption",
      },
      { input: (_w, good) => ({ ...(good as object), caption: "a\u0000b" }), field: "caption" },
    ],
  },

  "posts/actions:setPostControlsAction": {
    action: setPostControlsAction,
    arrange: async (w) => ({
      postId: await insertPost(w.h.db(), w.owner.id),
      hideLikeCount: true,
      commentsOff: true,
    }),
    changed: (w, input) =>
      exists(
        w,
        posts,
        and(
          eq(posts.id, postId(input)),
          eq(posts.hideLikeCount, true),
          eq(posts.commentsOff, true),
        ),
      ),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), postId: "x" }), field: "postId" },
      { input: (_w, good) => ({ postId: postId(good) }), field: "hideLikeCount" },
      { input: (_w, good) => ({ postId: postId(good), commentsOff: 1 }), field: "commentsOff" },
    ],
  },

  "posts/actions:deletePostAction": {
    action: deletePostAction,
    arrange: async (w) => ({ postId: await insertPost(w.h.db(), w.owner.id) }),
    changed: async (w, input) => !(await exists(w, posts, eq(posts.id, postId(input)))),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    redirect: (w) => `/${w.owner.username}`,
    bad: [{ input: () => ({ postId: "not-a-uuid" }), field: "postId" }],
  },
};
