// Pathway's service worker. Keeps the app itself on the phone so it opens
// with no signal, in her language; never stores anything from the API
// (personal data stays out of the cache, and the API is always asked fresh).
//
// The two values below are filled in at build time by scripts/stamp-sw.mjs:
// the version comes from the content of every built file, so any change
// (even only the optimiser's) makes a new cache and a "new version" prompt.
const VERSION = "__PATHWAY_VERSION__";
const PRECACHE = ["/"]; // __PATHWAY_PRECACHE__

const CACHE = `pathway-shell-${VERSION}`;
// Trunk's names for built files: `name-<hex>.ext`, the wasm `name-<hex>_bg.wasm`
// (a 64-bit hash in hex without leading zeros, so 12 to 16 digits).
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/;
// How long a fetch of ours may go unanswered: as ANSWER_WITHIN_MS in src/api.rs.
const ANSWER_WITHIN_MS = 20_000;
const SHELL = "/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so we never store a stale copy of a
      // file whose name stays the same. A file with a content hash in its
      // name can't be stale: if the page has just fetched it (the wasm, on a
      // first visit), the browser's copy is used rather than a second
      // download over her mobile data.
      await cache.addAll(
        PRECACHE.map((url) => new Request(url, { cache: HASHED.test(url) ? "default" : "reload" })),
      );
      await keepLanguageFiles(cache);
      // The very first install takes over at once; later ones wait for the
      // person to choose "Reload" (see the message handler below).
      if (!self.registration.active) {
        await self.skipWaiting();
      }
    })(),
  );
});

// The language files (not precached: see languageFile) that the previous
// version kept, fetched fresh for this one, so a phone in Arabic stays in
// Arabic with no signal after an update. When one can't be fetched now, the
// old copy is kept: its words still fit all but what changed, and a message
// it lacks shows in English.
async function keepLanguageFiles(cache) {
  const held = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith("pathway-") || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (isLanguageFile(new URL(request.url))) held.set(request.url, old);
    }
  }
  await Promise.all(
    [...held].map(async ([url, old]) => {
      try {
        await cache.add(new Request(url, { cache: "reload" }));
      } catch {
        const saved = await old.match(url);
        if (saved) await cache.put(url, saved);
      }
    }),
  );
}

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
  // A page opened while this worker was activating (the sign-in page starts
  // it, and Home can load in between) is not yet in its care; the app asks,
  // so Home works offline without a reload.
  if (event.data === "claim") {
    event.waitUntil(self.clients.claim());
  }
  // The page's language, to keep for use with no signal (src/pwa.rs,
  // keep_language_files): the page may have read its files before this
  // worker controlled it, so they would not be kept otherwise.
  const keep = /^keep-language:([a-z]+)$/.exec(typeof event.data === "string" ? event.data : "");
  if (keep) event.waitUntil(keepLanguage(keep[1]));
});

// Fetches and keeps a language's two files, each only if not kept already
// (a page in Arabic asks on every start; it costs nothing once they are
// here). The browser's HTTP cache usually has them from the page's own
// read, so this seldom downloads anything twice.
async function keepLanguage(stem) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [`/locales/${stem}.json`, `/glossary.${stem}.json`].map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const answer = await fetch(url, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
        if (answer.ok) await cache.put(url, answer);
      } catch {
        // No signal: the next start asks again.
      }
    }),
  );
}

// Each request goes to the one function for its kind; anything not listed
// is left to the browser. A new kind of request is one more line in
// `handlerFor` and one more function below it.
self.addEventListener("fetch", (event) => {
  const handle = handlerFor(event.request);
  if (handle) event.respondWith(handle(event));
});

function handlerFor(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  // The API: network only. Not handled here at all, so the browser goes
  // straight to the server and a failure reaches the app as "offline".
  if (url.pathname.startsWith("/api/")) return null;
  // A share link (issue 19) is the server's own page, not the app's: a
  // doctor may open it on a phone that has Pathway installed.
  if (url.pathname.startsWith("/share/")) return null;
  if (request.mode === "navigate" && url.pathname === "/login") return signInPage;
  if (request.mode === "navigate" && isStaffPage(url)) return staffPage;
  if (request.mode === "navigate" && isAppPage(url)) return appPage;
  if (url.pathname.startsWith(STAFF_FILES)) return staffFile;
  if (isLanguageFile(url)) return languageFile;
  return builtFile;
}

// The staff build (docs/decisions/0008-staff-build.md): its pages are the
// same list as STAFF_PAGES in crates/model/src/role.rs, its files live under
// /staff/. None of it is precached: young people's phones never fetch it.
const STAFF_PAGES = ["/caseload", "/council"];
const STAFF_FILES = "/staff/";
const STAFF_SHELL = "/staff/";

function isStaffPage(url) {
  return STAFF_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
}

// The sign-in page (public/login.html, no wasm) from the precache at once,
// so it opens on a slow signal too; the network only if it is missing.
async function signInPage(event) {
  const cache = await caches.open(CACHE);
  return (await cache.match("/login.html")) || fetch(event.request);
}

// Staff pages: the network first (staff work on office connections, and
// the page names the staff build's current files); its copy is kept so a
// laptop that has opened them once still opens them with no signal.
async function staffPage(event) {
  const cache = await caches.open(CACHE);
  try {
    const fresh = await fetch(event.request, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    if (fresh.ok) await cache.put(STAFF_SHELL, fresh.clone());
    return fresh;
  } catch (err) {
    const saved = await cache.match(STAFF_SHELL);
    if (saved) return saved;
    throw err;
  }
}

// The staff build's files have content hashes in their names like ours:
// kept once fetched.
async function staffFile(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const fresh = await fetch(event.request);
  if (fresh.ok) await cache.put(event.request, fresh.clone());
  return fresh;
}

// The server's rule too (crates/server/src/web/static_files.rs): a path
// whose last segment has no dot is a page of the app, not a file.
function isAppPage(url) {
  const last = url.pathname.split("/").pop();
  return url.pathname === "/index.html" || !last.includes(".");
}

// Pages: the saved shell at once, whatever the network is doing, so a slow
// or silent signal never holds the app back (the app then asks the API for
// fresh data itself). The shell is this version's own, so it always matches
// the built files beside it; a new build arrives as a new worker and the
// "new version" prompt. Only with no saved shell do we wait for the network.
async function appPage(event) {
  const cache = await caches.open(CACHE);
  const shell = await cache.match(SHELL);
  if (!shell) return fetch(event.request);
  // A copy to read beside the page: a body can only be read once.
  event.waitUntil(refreshShell(cache, shell.clone()));
  return shell;
}

// Fetches the shell again behind the page and keeps the new copy when it is
// the same document: its headers (the content security policy, made from
// this very document) then stay as fresh as the server's. A different
// document belongs to a newer build, which installs its own cache.
async function refreshShell(cache, saved) {
  try {
    // On a line that never answers, give up (as the app does, src/api.rs)
    // rather than hold one of the browser's few connections for good.
    const fresh = await fetch(SHELL, { cache: "no-cache", signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    if (!fresh.ok || fresh.redirected) return;
    const [oldText, newText] = await Promise.all([saved.text(), fresh.clone().text()]);
    if (oldText === newText) await cache.put(SHELL, fresh);
  } catch {
    // No signal: the saved copy stays as it is.
  }
}

// A language's words: the app's catalogue (/locales/ar.json, made by
// scripts/join-locales.mjs) and the glossary's meanings (/glossary.ar.json).
// Not precached (every phone would get every language); each phone keeps
// the ones it fetches. English is in the app and /glossary.json, precached.
function isLanguageFile(url) {
  return /^\/(locales\/[a-z]+|glossary\.[a-z]+)\.json$/.test(url.pathname);
}

// Language files: the kept copy at once (the page's words can't wait for a
// slow signal), fetched again behind it so a corrected translation arrives
// by the next start (stale-while-revalidate); the network only the first
// time. Their names have no content hash, so unlike builtFile the copy may
// be old: a new version of the app also fetches them afresh on install.
async function languageFile(event) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(event.request);
  const fresh = fetch(event.request.url, { cache: "no-cache", signal: AbortSignal.timeout(ANSWER_WITHIN_MS) }).then(
    async (answer) => {
      if (answer.ok) await cache.put(event.request.url, answer.clone());
      return answer;
    },
  );
  if (!saved) return fresh;
  // No signal: the kept copy stays as it is.
  event.waitUntil(fresh.catch(() => {}));
  return saved;
}

// Built files have content hashes in their names, so a cached copy is
// always the right one.
async function builtFile(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  return fetch(event.request);
}
