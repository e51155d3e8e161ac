const BASE = "http://app.invalid";

// A path that every URL parser reads as a path on this site: one leading slash (not two: `//host`
// is another site), no backslash (browsers read `\` as `/`), no control characters (parsers drop
// tabs and newlines, which can join `/` + TAB + `/` into `//`).
function isPlainPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return false;
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/**
 * Turns a user-supplied `next` into a path on this site; anything else becomes the fallback.
 * The input AND the normalised output are checked: resolving dot segments turns `/a/..//evil.com`
 * (also `/a/%2e%2e//evil.com`) into `//evil.com`, which a browser follows to another host.
 */
export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!isPlainPath(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Encoded slashes and backslashes in the path: no page has them, and a later decode could
  // turn them into a host.
  if (/%2f|%5c/i.test(url.pathname)) return fallback;
  const out = `${url.pathname}${url.search}${url.hash}`;
  return out.length <= 2048 && isPlainPath(out) ? out : fallback;
}
