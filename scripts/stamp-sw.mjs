// Trunk post_build hook: stamps dist's service worker with
//   - a cache version derived from the content of every built file, so any
//     change to the build (code, styles, or only the optimiser) makes a new
//     cache and the app's "A new version is ready" prompt;
//   - the list of files to precache (the shell and the hashed wasm/js/css;
//     not the language files: a phone fetches only the one it uses, and the
//     service worker keeps that, public/sw.js languageFile).
// It also writes the sign-in page's English into login.html. Then prints the
// size of what a phone downloads (raw and brotli), and of each language file.
//
// Runs with Node, and esbuild from e2e/node_modules (installed with the other
// build tools, scripts/lib/tools.sh) to minify the scripts. Trunk sets
// TRUNK_STAGING_DIR; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/stamp-sw.mjs
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("stamp-sw: TRUNK_STAGING_DIR is not set");
  process.exit(1);
}

// The staff build (trunk build --features staff --public-url /staff/, see
// scripts/lib/tools.sh) is served beside the young person's: the service
// worker, manifest and icons at the root are hers, so drop the copies here.
// Its files are not precached on anyone's phone (docs/decisions/0008).
if ((process.env.TRUNK_PUBLIC_URL ?? "").startsWith("/staff")) {
  for (const name of ["sw.js", "login.html", "login.js", "manifest.webmanifest", "robots.txt", "icons", "glossary.json", "glossary.ar.json", "glossary.sq.json", "locales"]) {
    rmSync(join(dir, name), { recursive: true, force: true });
  }
  console.log("stamp-sw: staff build, no service worker of its own");
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// The sign-in page (public/login.html) gets index.html's inline shell style
// (one copy to keep, and one hash for the server's CSP) and the stylesheet's
// built, hashed name, which only exists now.
const LOGIN = "login.html";
// The sign-in page's English messages.
const LOGIN_WORDS = JSON.parse(readFileSync(join(root, "locales", "en", "login.json"), "utf8"));
const STYLE_MARK = "<!-- __PATHWAY_SHELL_STYLE__ -->";
const WORDS_MARK = "<!-- __PATHWAY_LOGIN_WORDS__ -->";
const css = readdirSync(dir).find((f) => /^pathway-[0-9a-f]+\.css$/.test(f));
const shellStyle = readFileSync(join(dir, "index.html"), "utf8").match(/ *<style>[\s\S]*?<\/style>/)?.[0];
const loginPath = join(dir, LOGIN);
const login = readFileSync(loginPath, "utf8");
if (!css || !shellStyle || !["__PATHWAY_CSS__", STYLE_MARK, WORDS_MARK].every((m) => login.includes(m))) {
  console.error("stamp-sw: no built stylesheet or shell style, or login.html lacks its marks");
  process.exit(1);
}
writeFileSync(
  loginPath,
  withoutHtmlComments(
    inEnglish(login.replace("__PATHWAY_CSS__", css).replace(STYLE_MARK, shellStyle.trimStart())).replace(
      WORDS_MARK,
      // A data block, not a script: never run (the CSP hashes it all the
      // same), read by login.js. Only the messages no data-t mark names:
      // login.js reads those from the page (about 250 bytes brotli less).
      // "<" escaped, so no message can end the block.
      () => {
        const json = JSON.stringify(notInPage(login)).replace(/</g, "\\u003c");
        return `<script type="application/json" id="login-words">${json}</script>`;
      },
    ),
  ),
);

/** login.html with its English written in: each element marked
 *  data-t="login.key" (empty in the source) gets the message as its text,
 *  each data-t-<attribute>="login.key" the attribute. login.js writes
 *  another language over the same marks. */
function inEnglish(html) {
  const english = (key) => {
    if (typeof LOGIN_WORDS[key] === "string") return escaped(LOGIN_WORDS[key]);
    console.error(`stamp-sw: login.html names ${key}, which locales/en/login.json lacks`);
    process.exit(1);
  };
  let filled = 0;
  const out = html
    .replace(/(<([a-z][a-z0-9]*)\b[^>]*\sdata-t="([^"]+)"[^>]*>)<\/\2>/g, (_, open, tag, key) => {
      filled += 1;
      return `${open}${english(key)}</${tag}>`;
    })
    .replace(/ data-t-([a-z-]+)="([^"]+)"/g, (all, attribute, key) => `${all} ${attribute}="${english(key)}"`);
  if (filled !== html.split(' data-t="').length - 1) {
    console.error("stamp-sw: login.html has a data-t element that is not empty in the source");
    process.exit(1);
  }
  return out;
}

/** The English messages that no data-t or data-t-<attribute> in `html` names. */
function notInPage(html) {
  const named = new Set([...html.matchAll(/ data-t(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]));
  return Object.fromEntries(Object.entries(LOGIN_WORDS).filter(([key]) => !named.has(key)));
}

function escaped(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// The comments and long names in the scripts are for people reading the
// source; phones needn't download them (the size budget, budgets.json).
// esbuild minifies: an ES module (the wasm's glue and its snippets) may
// have every name shortened; a plain script (sw.js) keeps its top-level
// names. login.js, which no other script calls, is wrapped in a function
// (iife) so that its names shorten too: about 250 bytes brotli less on the
// first visit. Syntax stays ES2020, for older phones' browsers.
const esbuild = createRequire(join(root, "e2e", "package.json"))("esbuild");
function minified(js, { module, wrapped = false }) {
  const format = module ? "esm" : wrapped ? "iife" : undefined;
  return esbuild.transformSync(js, { minify: true, format, target: "es2020", legalComments: "none" }).code;
}
// The sign-in page's comments, likewise. Only whole comment lines and
// blocks that start a line go: the page has no string that looks like one.
// (sw.js keeps its marks below until it is stamped, so only its whole-line
// comments go before that.)
function withoutJsComments(js) {
  return js.replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*\n/gm, "").replace(/^[ \t]*\/\/.*\n/gm, "");
}
function withoutHtmlComments(html) {
  return html.replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*\n/gm, "");
}
// The wasm's glue (pathway-*.js) and its own JS snippets (src/vault/vault.js)
// are ES modules; every first visit loads them and login.js.
const modules = walk(dir).filter(
  (p) => (p.includes(`${sep}snippets${sep}`) && p.endsWith(".js")) || /^pathway-[0-9a-f]+\.js$/.test(relative(dir, p)),
);
const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
let indexHtml = readFileSync(join(dir, "index.html"), "utf8");
for (const [path, module] of [[join(dir, "login.js"), false], ...modules.map((p) => [p, true])]) {
  const before = readFileSync(path, "utf8");
  const after = minified(before, { module, wrapped: !module });
  writeFileSync(path, after);
  // Trunk preloads the glue and each snippet with its hash (subresource integrity).
  indexHtml = indexHtml.replace(sri(before), sri(after));
}
writeFileSync(join(dir, "index.html"), indexHtml);
const swSource = join(dir, "sw.js");
writeFileSync(swSource, withoutJsComments(readFileSync(swSource, "utf8")));
// The glossary (and its meanings in other languages, glossary.<lang>.json)
// is kept one term a line for people editing it; phones get it without the
// line breaks.
for (const name of readdirSync(dir).filter((f) => /^glossary(\.[a-z]+)?\.json$/.test(f))) {
  const glossaryPath = join(dir, name);
  writeFileSync(glossaryPath, JSON.stringify(JSON.parse(readFileSync(glossaryPath, "utf8"))));
}
// index.html's inline style is untouched, so its hash (the server's CSP)
// stays the same.
const indexPath = join(dir, "index.html");
writeFileSync(indexPath, withoutHtmlComments(readFileSync(indexPath, "utf8")));

const SW = "sw.js";
const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join("/"))
  .filter((f) => f !== SW && !f.endsWith(".br") && !f.endsWith(".gz"))
  .sort();

// Name and bytes of every file, in a fixed order.
const hash = createHash("sha256");
for (const f of files) {
  hash.update(f);
  hash.update("\0");
  hash.update(readFileSync(join(dir, f)));
  hash.update("\0");
}
const version = hash.digest("hex").slice(0, 16);

// A language file (locales/<lang>.json, glossary.<lang>.json) is fetched by
// the phones that use it, and kept then (public/sw.js): precaching every
// language would put all of them on every phone. They stay in the version
// above, so a new translation is a new version, which fetches again the
// language files the phone had kept.
const isLanguageFile = (f) => f.startsWith("locales/") || /^glossary\.[a-z]+\.json$/.test(f);
const precache = ["/", ...files.filter((f) => !isLanguageFile(f)).map((f) => `/${f}`)];

const swPath = join(dir, SW);
let sw = readFileSync(swPath, "utf8");
const versionMark = "__PATHWAY_VERSION__";
const listLine = /^const PRECACHE = .*\/\/ __PATHWAY_PRECACHE__$/m;
if (!sw.includes(versionMark) || !listLine.test(sw)) {
  console.error("stamp-sw: placeholders not found in sw.js (already stamped?)");
  process.exit(1);
}
sw = sw.replace(versionMark, version).replace(listLine, `const PRECACHE = ${JSON.stringify(precache)};`);
writeFileSync(swPath, minified(sw, { module: false }));

console.log(`stamp-sw: version ${version}, ${precache.length} files to precache`);

// What each load costs on a slow phone connection.
const sizes = (list) =>
  list.map((f) => {
    const bytes = readFileSync(join(dir, f));
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return [f, bytes.length, br.length];
  });
const rows = sizes(files.filter((f) => /\.(wasm|js|css|html)$/.test(f)));
// Each language's files: one phone fetches only its own language's.
const languageRows = sizes(files.filter(isLanguageFile));
const LANGUAGE_TITLE = "language file (not precached)";
const width = Math.max(LANGUAGE_TITLE.length, ...[...rows, ...languageRows].map((r) => r[0].length));
const table = (title, list) => {
  console.log(`stamp-sw: ${title.padEnd(width)}  ${"raw".padStart(9)}  ${"brotli".padStart(9)}`);
  for (const [f, raw, br] of list) {
    console.log(`stamp-sw: ${f.padEnd(width)}  ${String(raw).padStart(9)}  ${String(br).padStart(9)}`);
  }
};
table("file", rows);
if (languageRows.length) table(LANGUAGE_TITLE, languageRows);
