// The limits of a post, without zod: client components (the create and edit forms) import these
// from here so the schema library stays out of the browser's first load. validation.ts uses them.

export const ACCEPTED_IMAGE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/avif",
] as const;
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const MAX_PHOTOS = 10;
export const MAX_CAPTION = 2200;
export const MAX_ALT = 300;
