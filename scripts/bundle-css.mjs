// Joins the style sheets into one file for Trunk (a pre-build hook).
//
// Why: the styles are written as one file per feature (style/README in
// app.css's header), but ten <link>s are ten render-blocking requests on a
// slow phone: Lighthouse's mobile run put first paint 0.2-0.3 s later with
// ten than with four. One file, without the comments (which are for the
// people writing it), is one request and smaller than the four files were.
//
// The order is the cascade order: shared styles first, then each feature.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SHEETS = ["app", "frame", "auth", "caseload", "council", "topic", "offer", "people", "plan", "meeting", "agreed", "health", "lock"];
const OUT = join(root, "target", "css", "pathway.css");

const css = SHEETS.map((name) => {
  const text = readFileSync(join(root, "style", `${name}.css`), "utf8");
  // No sheet has "/*" inside a string or a url(), so comments can go by pattern.
  return `/* ${name}.css */\n` + text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n{3,}/g, "\n\n").trim();
}).join("\n");

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, css + "\n");
console.log(`bundle-css: ${SHEETS.length} sheets, ${css.length} bytes -> target/css/pathway.css`);
