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
export const SHEETS = ["app", "forms", "frame", "auth", "caseload", "council", "topic", "offer", "people", "plan", "meeting", "agreed", "health", "lock", "offer-editor"];
// Sheets only staff screens use: the young person's build (every byte of
// it is on her first download) goes without them. Trunk tells the hook
// which build this is by its public URL (scripts/lib/tools.sh build_app).
const STAFF_ONLY = ["caseload", "council", "meeting", "offer-editor"];
const staffBuild = (process.env.TRUNK_PUBLIC_URL ?? "").startsWith("/staff");
const OUT = join(root, "target", "css", "pathway.css");

const css = SHEETS.filter((name) => staffBuild || !STAFF_ONLY.includes(name)).map((name) => {
  const text = readFileSync(join(root, "style", `${name}.css`), "utf8");
  // No sheet has "/*" inside a string or a url(), so comments can go by pattern.
  return `/* ${name}.css */\n` + text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n{3,}/g, "\n\n").trim();
}).join("\n");

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, css + "\n");
console.log(`bundle-css: ${staffBuild ? "staff" : "young person's"} build, ${css.length} bytes -> target/css/pathway.css`);
