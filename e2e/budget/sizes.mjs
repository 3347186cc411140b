// What a young person's phone downloads, in brotli bytes (quality 11, as a
// server would precompress): the whole of her build, and what a first visit
// fetches before Home shows.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The language a file is only for, or null: another language's
 *  catalogue (locales/ar.json) and its glossary's meanings
 *  (glossary.ar.json). A phone fetches those only in that language, and
 *  the service worker keeps only those it fetched (docs/decisions/0014). */
export function languageOf(file) {
  return (file.match(/^locales\/([a-z]+)\.json$/) ?? file.match(/^glossary\.([a-z]+)\.json$/))?.[1] ?? null;
}

/** Every file of the young person's build (dist/ without the staff build)
 *  as a phone in English holds it: without other languages' files. */
export function wholeApp(dist) {
  return builtFiles(dist).filter((row) => languageOf(row.file) === null);
}

/** Each other language's files, by language: what a phone in it holds
 *  besides wholeApp. */
export function languageFiles(dist) {
  const by = {};
  for (const row of builtFiles(dist)) {
    const lang = languageOf(row.file);
    if (lang) (by[lang] ??= []).push(row);
  }
  return by;
}

function builtFiles(dist) {
  return walk(dist)
    .map((path) => relative(dist, path).split(sep).join("/"))
    .filter((file) => !file.startsWith("staff/"))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, raw: bytes.length, br: brotli(bytes) };
    })
    .sort((a, b) => b.br - a.br);
}

/** Opens the app cold as a young person, signs in and waits for Home,
 *  counting every file the page fetched (not the API: that is her data).
 *  The service worker's precache, which runs beside this, is in wholeApp. */
export async function firstVisit(browser, base, { username, passphrase, firstName }) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const seen = new Map();
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (url.origin !== base || url.pathname.startsWith("/api/") || response.status() >= 300) return;
    try {
      const bytes = await response.body();
      seen.set(url.pathname, { file: url.pathname, raw: bytes.length, br: brotli(bytes) });
    } catch {
      // the page moved on before the body was read: fetched again below
      seen.set(url.pathname, null);
    }
  });
  await page.goto(`${base}/`);
  await signIn(page, username, passphrase);
  await page.getByRole("heading", { level: 1, name: `Hi, ${firstName}` }).waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  for (const [path, row] of seen) {
    if (row === null) {
      const bytes = Buffer.from(await (await fetch(base + path)).arrayBuffer());
      seen.set(path, { file: path, raw: bytes.length, br: brotli(bytes) });
    }
  }
  await context.close();
  return [...seen.values()].sort((a, b) => b.br - a.br);
}

export async function signIn(page, username, passphrase) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
}
