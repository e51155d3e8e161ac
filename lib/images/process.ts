import sharp, { type OutputInfo, type Sharp, type SharpOptions } from "sharp";
import { runImageJob } from "./limit";
import { makePlaceholder, type RawImage } from "./placeholder";
import { type AcceptedType, sniffImage } from "./sniff";
import {
  ASPECTS,
  type Aspect,
  AVATAR_SIZES,
  type Crop,
  ImageError,
  POST_WIDTHS,
  type ProcessedPhoto,
  type RenderedVariant,
} from "./types";

/** Largest original accepted, in pixels (width x height as the file header states them). */
export const MAX_INPUT_PIXELS = 50_000_000;

const TOO_MANY_PIXELS = "Photos can have at most 50 megapixels.";
const CORRUPT = "This photo looks damaged or incomplete. Try exporting it again.";
const CROP_OUT = "The crop is outside the photo.";
const SLACK = 1e-6;

// Untrusted input: refuse oversized headers before decoding and abort on decoder errors.
const INPUT: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" };
// Effort 2 encodes ~2.5x faster than 3-4 for ~4% larger files at the same quality (measured).
const WEBP = { quality: 80, effort: 2 } as const;
const DECODERS: Record<AcceptedType, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "heif",
};

/** Embedded colour profile: none, sRGB (nothing to convert) or another one (e.g. Display P3). */
export type ColourProfile = "none" | "srgb" | "other";

/** What the header says about an accepted upload (dimensions after EXIF orientation). */
export type ImageInfo = {
  mime: AcceptedType;
  width: number;
  height: number;
  orientation: number;
  profile: ColourProfile;
};

/** Where to cut and how big to render, in the oriented frame of the original. */
export type RenderPlan = {
  resize: { width: number; height: number };
  extract: { left: number; top: number; width: number; height: number };
  sizes: { width: number; height: number }[];
};

function toImageError(err: unknown): ImageError {
  if (err instanceof ImageError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return new ImageError("TOO_MANY_PIXELS", TOO_MANY_PIXELS);
  return new ImageError("CORRUPT", CORRUPT);
}

/**
 * Sniffs the real type and reads only the header: cheap, so bad uploads are refused before they
 * queue for a decoder. Throws ImageError.
 */
export async function inspectImage(original: Buffer): Promise<ImageInfo> {
  const mime = await sniffImage(original);
  const meta = await sharp(original, INPUT)
    .metadata()
    .catch((err: unknown) => {
      throw toImageError(err);
    });
  if (!meta.width || !meta.height) throw new ImageError("CORRUPT", CORRUPT);
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new ImageError("TOO_MANY_PIXELS", TOO_MANY_PIXELS);
  }
  if (meta.format !== DECODERS[mime]) throw new ImageError("CORRUPT", CORRUPT);
  const { width, height } = meta.autoOrient ?? meta;
  return {
    mime,
    width,
    height,
    orientation: meta.orientation ?? 1,
    profile: profileKind(meta.icc),
  };
}

// The description of an ICC profile (v2 `desc` or v4 `mluc` tag), or "" if unreadable.
function iccDescription(icc: Buffer): string {
  try {
    for (let i = 0, n = icc.readUInt32BE(128); i < n; i++) {
      const at = 132 + i * 12;
      if (icc.toString("latin1", at, at + 4) !== "desc") continue;
      const off = icc.readUInt32BE(at + 4);
      const type = icc.toString("latin1", off, off + 4);
      if (type === "desc")
        return icc.toString("latin1", off + 12, off + 12 + icc.readUInt32BE(off + 8));
      if (type !== "mluc") return "";
      const start = off + icc.readUInt32BE(off + 24);
      return new TextDecoder("utf-16be").decode(
        icc.subarray(start, start + icc.readUInt32BE(off + 20)),
      );
    }
  } catch {
    return "";
  }
  return "";
}

/**
 * Most Android and camera JPEGs embed an sRGB profile; converting sRGB to sRGB at full size costs
 * ~100 ms on a 12 MP photo for no change, so such profiles are recognised and skipped.
 */
export function profileKind(icc: Buffer | undefined): ColourProfile {
  if (!icc || icc.length < 132) return "none";
  return /\bsRGB\b/i.test(iccDescription(icc)) && icc.toString("latin1", 16, 20) === "RGB "
    ? "srgb"
    : "other";
}

function cropRegion(crop: Crop | undefined): Crop {
  if (!crop) return { x: 0, y: 0, width: 1, height: 1 };
  const { x, y, width, height } = crop;
  const ok =
    [x, y, width, height].every(Number.isFinite) &&
    x >= -SLACK &&
    y >= -SLACK &&
    width > 0 &&
    height > 0 &&
    x + width <= 1 + SLACK &&
    y + height <= 1 + SLACK;
  if (!ok) throw new ImageError("CROP_OUT_OF_BOUNDS", CROP_OUT);
  const cx = Math.max(0, x);
  const cy = Math.max(0, y);
  return { x: cx, y: cy, width: Math.min(width, 1 - cx), height: Math.min(height, 1 - cy) };
}

function outputWidths(requested: readonly number[], available: number): number[] {
  if (requested.length === 0 || !requested.every((w) => Number.isInteger(w) && w > 0)) {
    throw new RangeError("widths must be positive integers");
  }
  const sorted = [...new Set(requested)].sort((a, b) => b - a);
  const max = Math.max(1, Math.floor(available + SLACK));
  const fitting = sorted.filter((w) => w <= max);
  return (sorted[0] ?? 0) > max ? [max, ...fitting.filter((w) => w < max)] : fitting;
}

/**
 * Pure geometry: the largest centred `ratio` rectangle inside the crop, rendered at the requested
 * widths without ever upscaling. The whole image is resized first and then cut, so JPEG
 * shrink-on-load can skip most of the decode work.
 */
export function planRender(
  source: { width: number; height: number },
  ratio: number,
  crop: Crop | undefined,
  widths: readonly number[],
): RenderPlan {
  const c = cropRegion(crop);
  const rw = c.width * source.width;
  const rh = c.height * source.height;
  const ew = Math.min(rw, rh * ratio);
  const eh = ew / ratio;
  const ex = c.x * source.width + (rw - ew) / 2;
  const ey = c.y * source.height + (rh - eh) / 2;
  const sizes = outputWidths(widths, ew).map((w) => ({
    width: w,
    height: Math.max(1, Math.round(w / ratio)),
  }));
  const [top = { width: 1, height: 1 }] = sizes;
  const scale = top.width / ew;
  const resize = {
    width: Math.max(top.width, Math.round(source.width * scale)),
    height: Math.max(top.height, Math.round(source.height * scale)),
  };
  const clamp = (v: number, max: number) => Math.min(Math.max(0, Math.round(v)), max);
  const extract = {
    left: clamp(ex * scale, resize.width - top.width),
    top: clamp(ey * scale, resize.height - top.height),
    width: top.width,
    height: top.height,
  };
  return { resize, extract, sizes };
}

/**
 * Applies an EXIF orientation (1-8) to an already decoded image, exactly as sharp's autoOrient
 * would. Exported for the tests that hold it to that promise.
 */
export function applyOrientation(image: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2:
      return image.flop();
    case 3:
      return image.rotate(180);
    case 4:
      return image.flip();
    case 5:
      return image.flip().rotate(90);
    case 6:
      return image.rotate(90);
    case 7:
      return image.flop().rotate(90);
    case 8:
      return image.rotate(270);
    default:
      return image;
  }
}

const rawImage = ({ data, info }: { data: Buffer; info: OutputInfo }): RawImage => ({
  data,
  width: info.width,
  height: info.height,
  channels: info.channels,
});

/**
 * Decodes once into the largest rendition (oriented, cropped, sRGB) as raw pixels. The decode
 * resizes in the stored frame; orientation and any colour-profile conversion run afterwards on
 * the small image (rotating or converting the full-size decode costs 2-3x the decode itself).
 */
async function renderLargest(original: Buffer, plan: RenderPlan, info: ImageInfo) {
  const { orientation, profile } = info;
  const turned = orientation >= 5 && orientation <= 8;
  const { width, height } = plan.resize;
  const decoded = sharp(original, { ...INPUT, ignoreIcc: profile !== "none" }).resize(
    turned ? height : width,
    turned ? width : height,
    { fit: "fill" },
  );
  const srgbRaw = (image: Sharp) =>
    image.toColourspace("srgb").raw().toBuffer({ resolveWithObject: true }).then(rawImage);
  if (profile === "other") {
    // An uncompressed TIFF carries the untouched pixels and their profile to the second step.
    const tiff = await decoded.keepIccProfile().tiff({ compression: "none" }).toBuffer();
    return srgbRaw(applyOrientation(sharp(tiff), orientation).extract(plan.extract));
  }
  if (orientation <= 1 || orientation > 8) return srgbRaw(decoded.extract(plan.extract));
  const resized = await srgbRaw(decoded);
  return srgbRaw(
    applyOrientation(sharp(resized.data, { raw: resized }), orientation).extract(plan.extract),
  );
}

// Encoding from raw pixels writes no metadata at all: no EXIF, XMP, IPTC or ICC can survive.
async function encodeVariant(img: RawImage, width: number, height: number): Promise<Buffer> {
  let pipeline = sharp(img.data, { raw: img });
  if (width !== img.width || height !== img.height) {
    pipeline = pipeline.resize(width, height, { fit: "fill" });
  }
  return pipeline.webp(WEBP).toBuffer();
}

async function processPhoto(
  original: Buffer,
  ratio: number,
  crop: Crop | undefined,
  widths: readonly number[],
): Promise<ProcessedPhoto> {
  const info = await inspectImage(original);
  const plan = planRender(info, ratio, crop, widths);
  return runImageJob(async () => {
    const largest = await renderLargest(original, plan, info).catch((err: unknown) => {
      throw toImageError(err);
    });
    const [placeholder, variants] = await Promise.all([
      makePlaceholder(largest),
      Promise.all(
        plan.sizes.map(
          async (s): Promise<RenderedVariant> => ({
            ...s,
            data: await encodeVariant(largest, s.width, s.height),
          }),
        ),
      ),
    ]);
    return { variants, placeholder, width: largest.width, height: largest.height };
  });
}

/**
 * Turns an uploaded original into the post's WebP variants (largest first) and a placeholder.
 * Throws ImageError with a message fit for the user.
 */
export function processPostPhoto(
  original: Buffer,
  opts: { aspect: Aspect; crop?: Crop; widths?: readonly number[] },
): Promise<ProcessedPhoto> {
  return processPhoto(original, ASPECTS[opts.aspect], opts.crop, opts.widths ?? POST_WIDTHS);
}

/** Square avatar variants (320 and 150 px) from an uploaded original. Throws ImageError. */
export function processAvatar(
  original: Buffer,
  opts: { crop?: Crop } = {},
): Promise<ProcessedPhoto> {
  return processPhoto(original, 1, opts.crop, AVATAR_SIZES);
}
