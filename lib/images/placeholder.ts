import sharp from "sharp";

/** Decoded pixels as produced by sharp's `.raw()` output. */
export type RawImage = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

const PLACEHOLDER_WIDTH = 16;
const MAX_PLACEHOLDER_CHARS = 1024;

async function encodeTiny(img: RawImage, width: number, quality: number): Promise<string> {
  const height = Math.max(1, Math.round((width * img.height) / img.width));
  const webp = await sharp(img.data, { raw: img })
    .resize(width, height, { fit: "fill" })
    .blur(0.6)
    .webp({ quality, effort: 4 })
    .toBuffer();
  return `data:image/webp;base64,${webp.toString("base64")}`;
}

/**
 * A tiny blurred WebP data URL shown (scaled up, blurred by the browser) while the real photo
 * loads; stored inline with the post so it costs no extra request. Always under 1 KB.
 */
export async function makePlaceholder(img: RawImage): Promise<string> {
  for (const [width, quality] of [
    [PLACEHOLDER_WIDTH, 50],
    [PLACEHOLDER_WIDTH, 30],
    [8, 30],
  ] as const) {
    const url = await encodeTiny(img, width, quality);
    if (url.length < MAX_PLACEHOLDER_CHARS) return url;
  }
  return encodeTiny(img, 4, 20);
}
