// Snapgram's service worker: makes the app installable and shows an offline page instead of
// the browser's error when a page cannot load. It never caches pages, API answers or photos:
// what a signed-in person sees stays between them and the server (and the HTTP cache).
// It also shows web pushes (lib/push) and receives photos shared to the app (share_target in
// app/manifest.ts): they wait in the "snapgram-share" cache until /create?shared=1 takes them.
const VERSION = "2";
const CACHE = `snapgram-offline-v${VERSION}`;
const SHARE_CACHE = "snapgram-share";
const SHARE_PATH = "/share-target";
const SHARE_MAX_FILES = 10;
const OFFLINE_URL = "/offline.html";
const PRECACHE = [OFFLINE_URL];
const ICON = "/icons/icon-192.png";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("snapgram-") && k !== CACHE && k !== SHARE_CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Keeps the shared images (the latest share only) and sends the person to the create flow. */
async function receiveShare(request) {
  let files = [];
  try {
    const form = await request.formData();
    files = form
      .getAll("photos")
      .filter((f) => typeof f === "object" && f.type && f.type.startsWith("image/"))
      .slice(0, SHARE_MAX_FILES);
  } catch {
    files = [];
  }
  await caches.delete(SHARE_CACHE);
  const cache = await caches.open(SHARE_CACHE);
  await Promise.all(
    files.map((file, i) =>
      cache.put(
        `${SHARE_PATH}/files/${i}`,
        new Response(file, {
          headers: { "content-type": file.type, "x-file-name": encodeURIComponent(file.name) },
        }),
      ),
    ),
  );
  return Response.redirect(files.length > 0 ? "/create?shared=1" : "/create", 303);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (
    request.method === "POST" &&
    url.origin === self.location.origin &&
    url.pathname === SHARE_PATH
  ) {
    event.respondWith(receiveShare(request));
    return;
  }
  if (request.method !== "GET" || request.mode !== "navigate") return;
  event.respondWith(
    fetch(request).catch(async () => {
      const offline = await caches.match(OFFLINE_URL, { cacheName: CACHE });
      return offline ?? Response.error();
    }),
  );
});

/** Only this app's own pages open from a notification. */
function safePath(value) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//")
    ? value
    : "/notifications";
}

// A push from lib/push/deliver.ts: { title, body, icon (the actor's avatar), url, tag, count }.
// The tag groups: a newer push of the same group replaces the one shown.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const options = {
    body: typeof data.body === "string" ? data.body : "",
    icon: typeof data.icon === "string" ? data.icon : ICON,
    badge: ICON,
    data: { url: safePath(data.url) },
  };
  if (typeof data.tag === "string" && data.tag) {
    options.tag = data.tag;
    options.renotify = true;
  }
  event.waitUntil(self.registration.showNotification(data.title || "Snapgram", options));
});

// Opens the notification's page: in an open Snapgram window when there is one, else a new one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = safePath(event.notification.data?.url);
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        return open.navigate(target);
      }
      return self.clients.openWindow(target);
    }),
  );
});
