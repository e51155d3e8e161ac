// Photos shared to Snapgram from another app (the manifest's share_target): public/sw.js keeps
// them in the "snapgram-share" cache and opens /create?shared=1; the create flow takes them here,
// once (the cache is emptied as they are read).

const SHARE_CACHE = "snapgram-share";

/** Whether this visit of /create came from a share. */
export const cameFromShare = () =>
  typeof window !== "undefined" &&
  new URLSearchParams(window.location.search).get("shared") === "1";

/** The shared photos as files, in the order they were shared; [] when there are none. */
export async function takeSharedPhotos(): Promise<File[]> {
  if (typeof caches === "undefined" || !(await caches.has(SHARE_CACHE))) return [];
  const cache = await caches.open(SHARE_CACHE);
  const requests = [...(await cache.keys())].sort((a, b) =>
    a.url.localeCompare(b.url, "en", { numeric: true }),
  );
  const files: File[] = [];
  for (const [i, request] of requests.entries()) {
    const response = await cache.match(request);
    if (!response) continue;
    const blob = await response.blob();
    const name = decodeURIComponent(response.headers.get("x-file-name") ?? `shared-${i + 1}`);
    files.push(
      new File([blob], name, { type: blob.type || response.headers.get("content-type") || "" }),
    );
  }
  await caches.delete(SHARE_CACHE);
  return files;
}
