// Storage keys are the only thing that becomes a file path or an object name, so they are checked
// here once: lowercase [a-z0-9/_.-], no "..", no empty or "." segment, no leading slash, <= 300 chars.

export const MAX_KEY_LENGTH = 300;

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]*$/;

/** Folders whose objects are public (processed, metadata-free); uploads/ never is. */
export const PUBLIC_PREFIXES = ["posts/", "avatars/"] as const;

/**
 * Cache-Control of public photos in the bucket: browsers keep one an hour, the CDN a year, since
 * taking a photo off the site (lib/media/jobs.ts) moves the object and invalidates the CDN's copy.
 * Never `immutable`: a removed photo must stop being served to anyone who asks again.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=3600, s-maxage=31536000";
/** The local media route has no CDN to invalidate and checks each request: browsers only, an hour. */
export const LOCAL_MEDIA_CACHE_CONTROL = "public, max-age=3600";

const IMAGE_TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  avif: "image/avif",
};

export function isValidKey(key: unknown): key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  if (!KEY_PATTERN.test(key) || key.includes("..")) return false;
  return key.split("/").every((segment) => segment !== "" && segment !== ".");
}

/** Throws on anything that is not a valid key, so no driver ever sees a path like "../x". */
export function assertValidKey(key: unknown): string {
  if (!isValidKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

/** True for keys under posts/ or avatars/, the only ones served to browsers. */
export function isPublicKey(key: string): boolean {
  return isValidKey(key) && PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The image Content-Type for a key's extension, or null when it is not a served image type. */
export function imageTypeForKey(key: string): string | null {
  const dot = key.lastIndexOf(".");
  if (dot < 0 || dot < key.lastIndexOf("/")) return null;
  return IMAGE_TYPES[key.slice(dot + 1)] ?? null;
}

const CONTENT_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/** A bare media type such as "image/jpeg" (lowercase, no parameters); what an upload is bound to. */
export function isValidContentType(type: unknown): type is string {
  return typeof type === "string" && CONTENT_TYPE_PATTERN.test(type);
}
