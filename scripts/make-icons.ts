// Renders the PNG app icons from app/icon.svg (run again after changing the logo, and commit
// the files): Android and desktop need PNGs of 192 and 512 px to install the app, a maskable
// one fills the whole square (the launcher cuts its own shape), iOS takes a 180 px touch icon.
// Usage: npx tsx scripts/make-icons.ts
import { readFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("app/icon.svg", "utf8");
// The same logo without the rounded corners: a maskable icon is cropped by the launcher.
const fullBleed = svg.replace(
  /<rect width="512" height="512" rx="112"/,
  '<rect width="512" height="512"',
);

const out = [
  { file: "public/icons/icon-192.png", source: svg, size: 192 },
  { file: "public/icons/icon-512.png", source: svg, size: 512 },
  { file: "public/icons/maskable-512.png", source: fullBleed, size: 512 },
  { file: "app/apple-icon.png", source: fullBleed, size: 180 },
];
for (const { file, source, size } of out) {
  await sharp(Buffer.from(source), { density: 72 * (size / 512) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: false })
    .toFile(file);
  console.log(file);
}
