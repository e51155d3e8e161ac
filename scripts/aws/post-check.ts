// The check of `npm run test:aws` that drives a real photo through the bundle as the browser
// would: the create page's server actions (their ids read from the bundle's own
// server-reference-manifest.json), a PUT of the original to the signed upload URL, then the post
// page and its photo variant served by the function.
import { readFileSync } from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import sharp from "sharp";

export interface Reply {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}
/** A request to the bundle, as the checks describe it (made into a Function URL event). */
export interface BundleRequest {
  method?: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string | Buffer;
}
export type Call = (req: BundleRequest) => Promise<Reply>;

const bytes = (r: Reply) =>
  r.body === undefined
    ? Buffer.alloc(0)
    : Buffer.from(r.body, r.isBase64Encoded ? "base64" : "utf8");

function fail(message: string): never {
  throw new Error(message);
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** The id of an exported server action and a page that serves it, from the built manifest. */
export function findAction(bundleDir: string, filename: string, exportedName: string) {
  const file = path.join(bundleDir, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== filename || entry.exportedName !== exportedName) continue;
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
    if (!worker) continue;
    // "app/(main)/create/page" -> "/create"
    const route = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((segment) => segment && !segment.startsWith("("))
      .join("/");
    return { id, page: `/${route}` };
  }
  return fail(`${filename}#${exportedName} is not in the bundle's action manifest`);
}

/**
 * A server action's result from its RSC reply: rows "<id>:<json>"; row 0 names the result row
 * ("a": "$@<id>") or holds it inline.
 */
export function actionResult(reply: Reply): unknown {
  const rows = new Map<string, string>();
  for (const line of bytes(reply).toString("utf8").split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const head = JSON.parse(rows.get("0") ?? fail("no row 0 in the action reply")) as { a?: unknown };
  if (typeof head.a === "string" && head.a.startsWith("$@")) {
    const row = rows.get(head.a.slice(2)) ?? fail(`no row ${head.a} in the action reply`);
    return JSON.parse(row);
  }
  return head.a;
}

interface ActionReply<T> {
  data?: { ok: boolean; data?: T; code?: string; message?: string };
  validationErrors?: unknown;
  serverError?: string;
}

export async function postThroughBundle(opts: {
  call: Call;
  bundleDir: string;
  session: string[];
  origin: string;
  db: postgres.Sql;
}): Promise<string> {
  const { call, session } = opts;
  async function action<T>(exportedName: string, input: unknown): Promise<T> {
    const { id, page } = findAction(opts.bundleDir, "lib/posts/actions.ts", exportedName);
    const r = await call({
      method: "POST",
      path: page,
      cookies: session,
      headers: {
        "next-action": id,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: opts.origin,
      },
      body: JSON.stringify([input]),
    });
    if (r.statusCode !== 200) fail(`${exportedName}: status ${r.statusCode}`);
    const result = actionResult(r) as ActionReply<T>;
    if (!result.data?.ok || result.data.data === undefined) {
      fail(`${exportedName}: ${JSON.stringify(result).slice(0, 300)}`);
    }
    return result.data.data;
  }

  // A 2400x1800 photo with detail (noise over a gradient) and EXIF metadata, as phones write it.
  const { width, height } = { width: 2400, height: 1800 };
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 3) {
    const x = (i / 3) % width;
    noise[i] = (x * 255) / width;
    noise[i + 1] = Math.floor(Math.random() * 256);
    noise[i + 2] = 128;
  }
  const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .toBuffer();

  const { slots } = await action<{
    slots: { id: string; url: string; headers: Record<string, string> }[];
  }>("requestUploadsAction", {
    purpose: "post",
    files: [{ type: "image/jpeg", size: photo.length }],
  });
  const slot = slots[0] ?? fail("no upload slot");
  const target = new URL(slot.url, opts.origin);
  const put = await call({
    method: "PUT",
    path: target.pathname,
    query: target.search.slice(1),
    headers: slot.headers,
    body: photo,
  });
  if (put.statusCode >= 300) fail(`PUT of the original: status ${put.statusCode}`);

  const caption = `Through the Lambda bundle #awstest ${Date.now()}`;
  const post = await action<{ id: string }>("createPostAction", {
    aspect: "4:5",
    caption,
    media: [{ slotId: slot.id, alt: "Noise over a gradient" }],
  });

  const [media] = await opts.db<
    { variants: { key: string; width: number }[]; width: number; height: number }[]
  >`
    select variants, width, height from post_media where post_id = ${post.id}`;
  if (!media) fail("the post has no photo row");
  // Cropped to 4:5 on the server: taller than wide.
  if (media.height <= media.width) fail(`the photo is ${media.width}x${media.height}, not 4:5`);
  const largest = media.variants.reduce((a, b) => (b.width > a.width ? b : a));

  const page = await call({ path: `/p/${post.id}`, cookies: session });
  const html = bytes(page).toString("utf8");
  if (page.statusCode !== 200) fail(`GET /p/${post.id}: status ${page.statusCode}`);
  if (!html.includes("Through the Lambda bundle")) fail("the post page does not show the caption");

  const image = await call({ path: `/media/${largest.key}`, cookies: session });
  const served = bytes(image);
  if (image.statusCode !== 200) fail(`GET /media/${largest.key}: status ${image.statusCode}`);
  const meta = await sharp(served).metadata();
  if (meta.width !== largest.width) fail(`served ${meta.width} px wide, expected ${largest.width}`);
  if (meta.exif) fail("the served photo still carries EXIF (GPS) metadata");
  return `post ${post.id.slice(0, 8)}: ${media.variants.length} variants, ${meta.format} ${meta.width}x${meta.height} served`;
}
