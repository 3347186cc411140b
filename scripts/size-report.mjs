// Prints the bytes of the built app, raw and brotli-compressed (quality 11,
// as a server would precompress), per file and in total. It reports; it does
// not fail on a size (budgets come later).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const kinds = [".wasm", ".js", ".css", ".html"];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const rows = walk(dist)
  .filter((p) => kinds.includes(extname(p)))
  .map((path) => {
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    return { file: path.slice(dist.length + 1), kind: extname(path).slice(1), raw: raw.length, br: br.length };
  })
  .sort((a, b) => b.raw - a.raw);

const pad = (s, n) => String(s).padStart(n);
console.log(`size report for ${dist}/ (bytes)`);
console.log(`${"file".padEnd(44)}${pad("raw", 10)}${pad("brotli", 10)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.br, 10)}`);
for (const kind of kinds.map((k) => k.slice(1))) {
  const of = rows.filter((r) => r.kind === kind);
  const raw = of.reduce((n, r) => n + r.raw, 0);
  const br = of.reduce((n, r) => n + r.br, 0);
  console.log(`${("total " + kind).padEnd(44)}${pad(raw, 10)}${pad(br, 10)}`);
}
const raw = rows.reduce((n, r) => n + r.raw, 0);
const br = rows.reduce((n, r) => n + r.br, 0);
console.log(`${"TOTAL".padEnd(44)}${pad(raw, 10)}${pad(br, 10)}`);
