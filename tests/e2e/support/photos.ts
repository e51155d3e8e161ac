import sharp from "sharp";

/** A JPEG made on the fly (no binary fixtures in the repo), as a file for setInputFiles. */
export async function photoFile(name: string, width: number, height: number, color: string) {
  const buffer = await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}
