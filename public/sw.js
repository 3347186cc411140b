// Pathway's service worker. Keeps the app itself on the phone so it opens
// with no signal; never stores anything from the API (personal data stays
// out of the cache, and the API is always asked fresh).
//
// The two values below are filled in at build time by scripts/stamp-sw.mjs:
// the version comes from the content of every built file, so any change
// (even only the optimiser's) makes a new cache and a "new version" prompt.
const VERSION = "__PATHWAY_VERSION__";
const PRECACHE = ["/"]; // __PATHWAY_PRECACHE__

const CACHE = `pathway-shell-${VERSION}`;
const SHELL = "/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so we never store a stale copy.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      // The very first install takes over at once; later ones wait for the
      // person to choose "Reload" (see the message handler below).
      if (!self.registration.active) {
        await self.skipWaiting();
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith("pathway-") && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The API: network only. Not handled here at all, so the browser goes
  // straight to the server and a failure reaches the app as "offline".
  if (url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

// Pages: try the network (fresh HTML, fresh security headers); with no
// network, any address gets the saved app shell, and the app's router
// shows the right page.
async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const shell = (await cache.match(SHELL)) || (await cache.match("/index.html"));
    if (shell) return shell;
    throw err;
  }
}

// Built files have content hashes in their names, so a cached copy is
// always the right one.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  return fetch(request);
}
