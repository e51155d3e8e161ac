import { z } from "zod";
import { ASPECTS, type Aspect } from "@/lib/images/types";
import { postIdSchema } from "@/lib/shared/ids";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";
import { ACCEPTED_IMAGE_TYPES, MAX_ALT, MAX_CAPTION, MAX_PHOTOS, MAX_UPLOAD_BYTES } from "./limits";

// Shared by the server actions and the route handlers (client code takes the limits from limits.ts).

const aspectKeys = Object.keys(ASPECTS) as [Aspect, ...Aspect[]];

export const uploadFileSchema = z.object({
  type: z.enum(ACCEPTED_IMAGE_TYPES, {
    message: "Choose a JPEG, PNG, WebP or AVIF photo.",
  }),
  size: z
    .number({ message: "File size is required." })
    .int({ message: "File size must be a whole number of bytes." })
    .min(1, { message: "This file is empty." })
    .max(MAX_UPLOAD_BYTES, { message: "Photos can be at most 25 MB." }),
});

export const requestUploadsSchema = z.object({
  purpose: z.enum(["post", "avatar"], { message: "Unknown upload purpose." }),
  files: z
    .array(uploadFileSchema, { message: "Choose at least one photo." })
    .min(1, { message: "Choose at least one photo." })
    .max(MAX_PHOTOS, { message: `You can share at most ${MAX_PHOTOS} photos in one post.` }),
});
export type RequestUploadsInput = z.infer<typeof requestUploadsSchema>;

const fraction = z.number({ message: "Crop values must be numbers." }).min(0).max(1);
export const cropSchema = z
  .object({ x: fraction, y: fraction, width: fraction, height: fraction })
  .refine(
    (c) => c.width > 0 && c.height > 0 && c.x + c.width <= 1 + 1e-6 && c.y + c.height <= 1 + 1e-6,
    { message: "The crop is outside the photo." },
  );

export const captionSchema = z
  .string()
  .refine(hasNoNul, { message: NUL_MESSAGE })
  .trim()
  .max(MAX_CAPTION, { message: `Captions can have at most ${MAX_CAPTION} characters.` });

export const altSchema = z
  .string()
  .refine(hasNoNul, { message: NUL_MESSAGE })
  .trim()
  .max(MAX_ALT, { message: `Alt text can have at most ${MAX_ALT} characters.` });

const hideLikeCountField = z.boolean({ message: "Say whether to hide the like count." });
const commentsOffField = z.boolean({ message: "Say whether to turn comments off." });

export const createPostSchema = z.object({
  aspect: z.enum(aspectKeys, { message: "Choose a crop: 1:1, 4:5 or 1.91:1." }),
  caption: captionSchema.default(""),
  media: z
    .array(
      z.object({
        slotId: z.uuid({ message: "Unknown upload." }),
        crop: cropSchema.optional(),
        alt: altSchema.default(""),
      }),
    )
    .min(1, { message: "Choose at least one photo." })
    .max(MAX_PHOTOS, { message: `You can share at most ${MAX_PHOTOS} photos in one post.` })
    .refine((m) => new Set(m.map((x) => x.slotId)).size === m.length, {
      message: "The same upload is used twice.",
    }),
  // Advanced settings: the per-post controls, set from the start.
  hideLikeCount: hideLikeCountField.default(false),
  commentsOff: commentsOffField.default(false),
});
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const updatePostSchema = z.object({
  postId: postIdSchema,
  caption: captionSchema,
  alts: z
    .array(z.object({ mediaId: z.uuid({ message: "Unknown photo." }), alt: altSchema }))
    .max(MAX_PHOTOS)
    .default([]),
});
export type UpdatePostInput = z.infer<typeof updatePostSchema>;

export const deletePostSchema = z.object({ postId: postIdSchema });

/** The author's per-post controls: hide the like count, turn comments off (either or both). */
export const setPostControlsSchema = z
  .object({
    postId: postIdSchema,
    hideLikeCount: hideLikeCountField.optional(),
    commentsOff: commentsOffField.optional(),
  })
  .refine((c) => c.hideLikeCount !== undefined || c.commentsOff !== undefined, {
    message: "Choose a setting to change.",
    path: ["hideLikeCount"],
  });
export type SetPostControlsInput = z.infer<typeof setPostControlsSchema>;
