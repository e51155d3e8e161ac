// Contracts of the photo pipeline (lib/images): originals in, WebP variants + placeholder out.

export const ASPECTS = { "1:1": 1, "4:5": 4 / 5, "1.91:1": 1.91 } as const;
export type Aspect = keyof typeof ASPECTS;

/** A crop rectangle in fractions (0..1) of the original after EXIF orientation is applied. */
export type Crop = { x: number; y: number; width: number; height: number };

/**
 * Post variants, largest first. 750 is what a full-width photo needs on the many phones at 360-375
 * CSS px and 2x (and on Lighthouse's emulated phone, 412 px at 1.75x): without it they take the
 * 1080, about twice the bytes and the decoding time of the largest paint.
 */
export const POST_WIDTHS = [1080, 750, 640, 320] as const;
export const AVATAR_SIZES = [320, 150] as const;

export type RenderedVariant = { width: number; height: number; data: Buffer };

export interface ProcessedPhoto {
  /** Largest first; all WebP, no metadata. */
  variants: RenderedVariant[];
  /** data:image/webp;base64,... of a tiny blurred rendition (well under 1 KB). */
  placeholder: string;
  /** Of the largest variant. */
  width: number;
  height: number;
}

export type ImageErrorCode =
  | "EMPTY"
  | "NOT_AN_IMAGE"
  | "UNSUPPORTED_TYPE"
  | "TOO_MANY_PIXELS"
  | "CROP_OUT_OF_BOUNDS"
  | "CORRUPT";

/** A photo the pipeline refuses; `message` is fit to show the user. */
export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImageError";
  }
}
