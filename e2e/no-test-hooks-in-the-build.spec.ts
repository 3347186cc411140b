import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// What phones and laptops download holds no hook for tests: one used to add
// topics from the browser's console, even behind the lock screen (issue 15,
// finding 7).
const DIST = process.env.PATHWAY_DIST_DIR ?? resolve(__dirname, "../dist");
const HOOKS = ["__pathwayAddTopics", "__pathway"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the built app, for young people and for staff, has no test hooks", () => {
  const built = filesUnder(DIST).filter((f) => /\.(wasm|js|html)$/.test(f));
  expect(built.some((f) => f.endsWith(".wasm") && !f.includes("/staff/"))).toBe(true);
  expect(built.some((f) => f.endsWith(".wasm") && f.includes("/staff/"))).toBe(true);
  const found = built.filter((f) => {
    const text = readFileSync(f).toString("latin1");
    return HOOKS.some((h) => text.includes(h));
  });
  expect(found).toEqual([]);
});
