import { fileTypeFromBuffer } from "file-type";
import { ImageError } from "./types";

export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

const TRY_INSTEAD = "Please upload a JPEG, PNG, WebP or AVIF photo.";

// Kinds people actually try to upload get a message that tells them what to do instead.
const UNSUPPORTED_HINTS: Record<string, string> = {
  "image/heic":
    "HEIC photos aren't supported yet. Export the photo as JPEG, or set your camera to “Most compatible” (Settings → Camera → Formats) and try again.",
  "image/heif":
    "HEIF photos aren't supported yet. Export the photo as JPEG, or set your camera to “Most compatible” (Settings → Camera → Formats) and try again.",
  "image/heic-sequence": "Live and burst HEIC photos aren't supported. Export the photo as JPEG.",
  "image/heif-sequence": "Live and burst HEIF photos aren't supported. Export the photo as JPEG.",
  "image/gif": `GIFs aren't supported. ${TRY_INSTEAD}`,
  "image/tiff": `TIFF files aren't supported. ${TRY_INSTEAD}`,
  "image/svg+xml": `SVG drawings aren't supported. ${TRY_INSTEAD}`,
  "image/bmp": `BMP files aren't supported. ${TRY_INSTEAD}`,
  "image/jxl": `JPEG XL isn't supported yet. ${TRY_INSTEAD}`,
};

function looksLikeSvg(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096).toString("utf8").trimStart().toLowerCase();
  return (
    (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) &&
    head.includes("<svg")
  );
}

function unsupported(mime: string): ImageError {
  const hint =
    UNSUPPORTED_HINTS[mime] ?? `This kind of image (${mime}) isn't supported. ${TRY_INSTEAD}`;
  return new ImageError("UNSUPPORTED_TYPE", hint);
}

/**
 * Detects the real type of an upload from its bytes (never from its name or declared type) and
 * refuses anything the pipeline does not accept. APNG counts as PNG (its first frame is used).
 */
export async function sniffImage(buf: Buffer): Promise<AcceptedType> {
  if (buf.length === 0) throw new ImageError("EMPTY", "The file is empty.");
  const detected = await fileTypeFromBuffer(buf);
  if (!detected || detected.mime === "application/xml") {
    if (looksLikeSvg(buf)) throw unsupported("image/svg+xml");
    throw new ImageError("NOT_AN_IMAGE", "This file isn't a photo.");
  }
  const mime = detected.mime === "image/apng" ? "image/png" : detected.mime;
  if ((ACCEPTED_TYPES as readonly string[]).includes(mime)) return mime as AcceptedType;
  if (mime.startsWith("image/")) throw unsupported(mime);
  throw new ImageError("NOT_AN_IMAGE", "This file isn't a photo.");
}
