import sharp from "sharp";

// Generated, deterministic demo pictures for seed data, tests and the bench: no network, no files.

type Layer = "mountains" | "hills" | "waves" | "pines" | "city" | "dunes";
type Scene = {
  name: string;
  sky: string[];
  sun: string;
  layer: Layer;
  front: Layer;
  shades: [string, string, string];
};

const SCENES: Scene[] = [
  {
    name: "sunset",
    sky: ["#1e1b4b", "#6d28d9", "#db2777", "#fb923c", "#fde68a"],
    sun: "#fff7d6",
    layer: "mountains",
    front: "hills",
    shades: ["#7e3a7a", "#4c1d4f", "#220a2b"],
  },
  {
    name: "ocean",
    sky: ["#0c4a6e", "#0284c7", "#7dd3fc", "#e0f2fe"],
    sun: "#ffffff",
    layer: "waves",
    front: "waves",
    shades: ["#0ea5e9", "#0369a1", "#082f49"],
  },
  {
    name: "forest",
    sky: ["#134e4a", "#2dd4bf", "#ccfbf1", "#fef9c3"],
    sun: "#fffbeb",
    layer: "hills",
    front: "pines",
    shades: ["#4d7c0f", "#2f4f0a", "#132205"],
  },
  {
    name: "city",
    sky: ["#0f172a", "#312e81", "#be185d", "#f59e0b"],
    sun: "#fde68a",
    layer: "city",
    front: "city",
    shades: ["#334155", "#1e293b", "#020617"],
  },
  {
    name: "desert",
    sky: ["#431407", "#c2410c", "#fb923c", "#fed7aa"],
    sun: "#fffbeb",
    layer: "dunes",
    front: "dunes",
    shades: ["#ea580c", "#9a3412", "#451a03"],
  },
];

/** Small seeded PRNG (mulberry32): same seed, same picture. */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const f = (n: number) => n.toFixed(1);

// One silhouette band across the picture, its top edge around `base` (px from the top).
function layerPath(kind: Layer, w: number, h: number, base: number, rand: () => number): string {
  const amp = h * (0.04 + rand() * 0.08);
  if (kind === "mountains") {
    const pts: string[] = [];
    const steps = 6 + Math.floor(rand() * 6);
    for (let i = 0; i <= steps; i++) {
      const y = base - amp * (i % 2 === 0 ? rand() * 0.4 : 0.6 + rand() * 1.4);
      pts.push(`${f((w * i) / steps)},${f(y)}`);
    }
    return `M0,${f(h)} L${pts.join(" L")} L${f(w)},${f(h)} Z`;
  }
  if (kind === "waves") {
    const freq = 2 + rand() * 4;
    const phase = rand() * Math.PI * 2;
    const a = amp * 0.25;
    let d = `M0,${f(h)} L0,${f(base)}`;
    for (let i = 0; i <= 60; i++) {
      const x = (w * i) / 60;
      d += ` L${f(x)},${f(base + a * Math.sin((x / w) * freq * Math.PI * 2 + phase))}`;
    }
    return `${d} L${f(w)},${f(h)} Z`;
  }
  if (kind === "city") {
    let d = "";
    for (let x = -rand() * w * 0.05; x < w; ) {
      const bw = w * (0.04 + rand() * 0.08);
      const top = base - amp * (0.5 + rand() * 3);
      d += `M${f(x)},${f(h)} V${f(top)} H${f(x + bw)} V${f(h)} Z `;
      x += bw + w * rand() * 0.01;
    }
    return d;
  }
  // hills, dunes and the ground under pines: smooth curves through random points.
  const steps = kind === "dunes" ? 3 + Math.floor(rand() * 2) : 4 + Math.floor(rand() * 3);
  const ys = Array.from({ length: steps + 1 }, () => base - amp * rand() * 1.2);
  let d = `M0,${f(h)} L0,${f(ys[0] ?? base)}`;
  for (let i = 1; i <= steps; i++) {
    const x0 = (w * (i - 1)) / steps;
    const x1 = (w * i) / steps;
    const y0 = ys[i - 1] ?? base;
    const y1 = ys[i] ?? base;
    const cx = kind === "dunes" ? x0 + (x1 - x0) * 0.8 : (x0 + x1) / 2;
    d += ` C${f(cx)},${f(y0)} ${f(cx)},${f(y1)} ${f(x1)},${f(y1)}`;
  }
  return `${d} L${f(w)},${f(h)} Z`;
}

function pines(w: number, h: number, base: number, rand: () => number): string {
  let d = "";
  for (let x = -w * 0.02; x < w * 1.02; x += w * (0.025 + rand() * 0.05)) {
    const th = h * (0.12 + rand() * 0.2);
    const tw = th * (0.28 + rand() * 0.1);
    const y = base + h * rand() * 0.08;
    d += `M${f(x)},${f(y - th)} L${f(x + tw / 2)},${f(y + 2)} L${f(x - tw / 2)},${f(y + 2)} Z `;
  }
  return `${d}M0,${f(h)} V${f(base + h * 0.05)} H${f(w)} V${f(h)} Z`;
}

function windows(w: number, h: number, base: number, rand: () => number): string {
  let out = "";
  const size = Math.max(2, w * 0.006);
  for (let i = 0; i < 140; i++) {
    const x = rand() * w;
    const y = base - h * 0.02 + rand() * (h - base);
    const o = (0.35 + rand() * 0.6).toFixed(2);
    out += `<rect x="${f(x)}" y="${f(y)}" width="${f(size)}" height="${f(size * 1.4)}" fill="#fcd34d" opacity="${o}"/>`;
  }
  return out;
}

function sceneSvg(seed: number, w: number, h: number, label?: string): string {
  const rand = rng(seed * 7919 + 17);
  const scene = SCENES[Math.abs(seed) % SCENES.length] ?? SCENES[0];
  if (!scene) throw new Error("no scenes");
  const stops = scene.sky
    .map((c, i) => `<stop offset="${(i / (scene.sky.length - 1)).toFixed(2)}" stop-color="${c}"/>`)
    .join("");
  const sunX = w * (0.2 + rand() * 0.6);
  const sunY = h * (0.25 + rand() * 0.2);
  const sunR = Math.min(w, h) * (0.05 + rand() * 0.06);
  const bands = [0.55, 0.68, 0.82].map((p) => h * (p + (rand() - 0.5) * 0.06));
  const paths = scene.shades
    .map((shade, i) => {
      const kind = i === 2 ? scene.front : scene.layer;
      const base = bands[i] ?? h * 0.7;
      const d = kind === "pines" ? pines(w, h, base, rand) : layerPath(kind, w, h, base, rand);
      return `<path d="${d}" fill="${shade}" opacity="${i === 0 ? 0.85 : 1}"/>`;
    })
    .join("");
  const lights = scene.name === "city" ? windows(w, h, bands[1] ?? h * 0.7, rand) : "";
  const fontSize = Math.round(Math.min(w, h) * 0.05);
  const text = label
    ? `<text x="${f(w * 0.05 + 2)}" y="${f(h * 0.94 + 2)}" font-family="sans-serif" font-weight="bold" font-size="${fontSize}" fill="#000" opacity="0.35">${escapeXml(label)}</text>` +
      `<text x="${f(w * 0.05)}" y="${f(h * 0.94)}" font-family="sans-serif" font-weight="bold" font-size="${fontSize}" fill="#fff" opacity="0.92">${escapeXml(label)}</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">${stops}</linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${scene.sun}" stop-opacity="0.75"/><stop offset="1" stop-color="${scene.sun}" stop-opacity="0"/></radialGradient>
<linearGradient id="haze" x1="0" y1="0" x2="0" y2="1"><stop offset="0.4" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#fff" stop-opacity="0.12"/></linearGradient>
</defs>
<rect width="${w}" height="${h}" fill="url(#sky)"/>
<circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(sunR * 4)}" fill="url(#glow)"/>
<circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(sunR)}" fill="${scene.sun}"/>
<rect width="${w}" height="${h}" fill="url(#haze)"/>
${paths}${lights}${text}
</svg>`;
}

const SHAPES = [
  { width: 1600, height: 1600 },
  { width: 1440, height: 1800 },
  { width: 1910, height: 1000 },
  { width: 1800, height: 1350 },
];

/** Name of the scene a seed draws ("sunset", "ocean", ...), for captions in seed data. */
export function demoSceneName(seed: number): string {
  return SCENES[Math.abs(seed) % SCENES.length]?.name ?? "sunset";
}

/**
 * A deterministic landscape-style JPEG (sunset, ocean, forest, city or desert, picked by seed).
 * Without a size, the shape varies with the seed (square, portrait, wide, 4:3).
 */
export async function makeDemoPhoto(
  seed: number,
  opts: { width?: number; height?: number; label?: string; quality?: number } = {},
): Promise<Buffer> {
  const shape = SHAPES[Math.abs(Math.floor(seed / SCENES.length)) % SHAPES.length] ?? SHAPES[0];
  const width = opts.width ?? shape?.width ?? 1600;
  const height = opts.height ?? shape?.height ?? 1600;
  return sharp(Buffer.from(sceneSvg(seed, width, height, opts.label)))
    .jpeg({ quality: opts.quality ?? 86 })
    .toBuffer();
}

/** A colourful square with white initials, for demo users' avatars. */
export async function makeDemoAvatar(
  seed: number,
  initials: string,
  opts: { size?: number } = {},
): Promise<Buffer> {
  const size = opts.size ?? 400;
  const rand = rng(seed * 104729 + 3);
  const hue = Math.floor(Math.abs(seed) * 137.508 + rand() * 20) % 360; // golden angle: neighbours differ
  const hue2 = (hue + 40 + Math.floor(rand() * 80)) % 360;
  const letters = escapeXml([...initials.trim()].slice(0, 2).join("").toUpperCase());
  const fontSize = Math.round(size * 0.4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue},75%,58%)"/><stop offset="1" stop-color="hsl(${hue2},70%,42%)"/>
</linearGradient></defs>
<rect width="${size}" height="${size}" fill="url(#g)"/>
<circle cx="${f(size * (0.2 + rand() * 0.6))}" cy="${f(size * 0.15)}" r="${f(size * 0.45)}" fill="#fff" opacity="0.12"/>
<text x="${size / 2}" y="${f(size / 2 + fontSize * 0.36)}" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="${fontSize}" fill="#fff">${letters}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
