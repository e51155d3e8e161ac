import { z } from "zod";
import { postIdSchema, userIdSchema } from "@/lib/shared/ids";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";
import { MAX_COMMENT } from "./limits";

// Shared by the comment form, the server actions and the services.

/** Plain text, trimmed; 1 to 2,200 characters. */
export const commentBodySchema = z
  .string({ message: "Write a comment." })
  .refine(hasNoNul, { message: NUL_MESSAGE })
  .trim()
  .min(1, { message: "Write a comment." })
  .max(MAX_COMMENT, { message: `Comments can have at most ${MAX_COMMENT} characters.` });

/** What deleting a comment that is gone says. */
export const COMMENT_NOT_FOUND = "This comment doesn't exist or was removed.";

/** What replying to a comment that is gone (or hidden from the replier) says. */
export const REPLY_TARGET_NOT_FOUND =
  "The comment you're replying to doesn't exist or was removed.";

/** A comment; with `replyToId`, a reply to that comment (to its top comment if it is a reply). */
export const addCommentSchema = z.object({
  postId: postIdSchema,
  body: commentBodySchema,
  replyToId: z.uuid({ message: REPLY_TARGET_NOT_FOUND }).optional(),
});
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const deleteCommentSchema = z.object({
  commentId: z.uuid({ message: COMMENT_NOT_FOUND }),
});
export type DeleteCommentInput = z.infer<typeof deleteCommentSchema>;

/** Restrict (true) or unrestrict an account: its new comments on your posts await your approval. */
export const setRestrictSchema = z.object({
  userId: userIdSchema,
  restricted: z.boolean({ message: "Say whether to restrict or unrestrict." }),
});
export type SetRestrictInput = z.infer<typeof setRestrictSchema>;

/** The post's author approves a restricted account's comment. */
export const approveCommentSchema = z.object({
  commentId: z.uuid({ message: COMMENT_NOT_FOUND }),
});
export type ApproveCommentInput = z.infer<typeof approveCommentSchema>;

/** Heart (true) or un-heart a comment. */
export const setCommentLikeSchema = z.object({
  commentId: z.uuid({ message: COMMENT_NOT_FOUND }),
  liked: z.boolean({ message: "Say whether to like or unlike." }),
});
export type SetCommentLikeInput = z.infer<typeof setCommentLikeSchema>;

/** The post's author pins (true) or unpins one of its top comments. */
export const setCommentPinSchema = z.object({
  commentId: z.uuid({ message: COMMENT_NOT_FOUND }),
  pinned: z.boolean({ message: "Say whether to pin or unpin." }),
});
export type SetCommentPinInput = z.infer<typeof setCommentPinSchema>;
