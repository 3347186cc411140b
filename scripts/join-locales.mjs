// Joins each language's catalogue files into the one file the app fetches
// (a Trunk pre-build hook; issue 17).
//
// Why: the messages are written one file per screen area
// (locales/<lang>/<area>.json, see src/i18n/mod.rs), but a phone showing
// Arabic needs them all at start: one request, not one per area, and
// without the indentation. For each language folder but English,
// locales/<lang>/*.json (not its subfolders) becomes target/locales/<lang>.json,
// which index.html copies to dist/locales/. English needs no file: build.rs
// compiles it into the wasm, and scripts/stamp-sw.mjs writes the sign-in
// page's English (login.json) into login.html.
//
// Refused, so the build stops with the reason: a file that is not a flat
// object of strings, and a key in two files of one language (one would
// silently win). Whether the keys are the app's is the app's check (one
// hash of all the keys, src/i18n/mod.rs) and the catalogue tests'.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const LOCALES = join(root, "locales");
const OUT = join(root, "target", "locales");

function refuse(why) {
  console.error(`join-locales: ${why}`);
  process.exit(1);
}


// A language removed since the last build must not linger in dist.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const languages = readdirSync(LOCALES)
  .filter((name) => name !== "en" && statSync(join(LOCALES, name)).isDirectory())
  .sort();
for (const lang of languages) {
  const dir = join(LOCALES, lang);
  const joined = {};
  const from = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const path = `locales/${lang}/${file}`;
    let messages;
    try {
      messages = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (e) {
      refuse(`${path}: not JSON (${e.message})`);
    }
    if (messages === null || typeof messages !== "object" || Array.isArray(messages)) {
      refuse(`${path}: not a JSON object of messages`);
    }
    for (const [key, message] of Object.entries(messages)) {
      if (typeof message !== "string") refuse(`${path}: ${key} is not a string`);
      if (key in from) refuse(`${key} is in both locales/${lang}/${from[key]} and ${path}: keep it in one`);
      from[key] = file;
      joined[key] = message;
    }
  }
  const text = JSON.stringify(joined);
  writeFileSync(join(OUT, `${lang}.json`), text);
  const count = Object.keys(joined).length;
  console.log(`join-locales: ${count} messages, ${Buffer.byteLength(text)} bytes -> target/locales/${lang}.json`);
}
