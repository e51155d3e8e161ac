// A page's first-load JavaScript: the scripts its HTML loads (inline ones and the `noModule`
// polyfills that modern browsers skip left out), in bytes on the wire as the server sends them
// with gzip. bench:lighthouse prints it per page; bench:js-floor for an empty Next.js page.
import http from "node:http";
import { brotliCompressSync, constants, gunzipSync } from "node:zlib";

/** The `src` of every external script a browser with ES modules runs, in document order. */
export function firstLoadScriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1] ?? "")
    .filter((attrs) => !/\bnomodule\b/i.test(attrs))
    .map((attrs) => /\bsrc="([^"]+)"/i.exec(attrs)?.[1])
    .filter((src): src is string => src !== undefined);
}

export type Fetched = { status: number; body: Buffer; wireBytes: number };

/** GET asking for gzip: the status, the body (decoded) and how many bytes came over the wire. */
export function getGzip(url: string, cookie?: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "accept-encoding": "gzip" };
    if (cookie) headers.cookie = cookie;
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, body, wireBytes: raw.length });
        });
      })
      .on("error", reject);
  });
}

export type FirstLoad = {
  scripts: { src: string; wireBytes: number; brotliBytes: number }[];
  totalBytes: number;
  /** The same scripts compressed with brotli at its best (quality 11), as a CDN could send them. */
  totalBrotliBytes: number;
};

const brotliMax = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Fetches `path` (with `cookie` when given), then each script its HTML loads. */
export async function firstLoadJs(
  baseUrl: string,
  path: string,
  cookie?: string,
): Promise<FirstLoad> {
  const page = await getGzip(`${baseUrl}${path}`, cookie);
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status}`);
  const scripts: FirstLoad["scripts"] = [];
  for (const src of firstLoadScriptSources(page.body.toString())) {
    const res = await getGzip(new URL(src, baseUrl).href);
    if (res.status !== 200) throw new Error(`GET ${src}: ${res.status}`);
    scripts.push({ src, wireBytes: res.wireBytes, brotliBytes: brotliMax(res.body) });
  }
  return {
    scripts,
    totalBytes: scripts.reduce((sum, s) => sum + s.wireBytes, 0),
    totalBrotliBytes: scripts.reduce((sum, s) => sum + s.brotliBytes, 0),
  };
}
