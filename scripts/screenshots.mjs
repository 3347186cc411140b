#!/usr/bin/env node
// Saves a PNG of every screen of a running Pathway, signed in as the demo
// people, for people to look at.
//
//   node scripts/screenshots.mjs http://127.0.0.1:8090 [/tmp/shots]
//
// Needs `npm ci` in e2e/ (Playwright comes from there) and a server started
// with `serve --demo` (the demo people and passphrase). Chromium is the
// system one (/usr/bin/chromium, or CHROMIUM_PATH).
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, "../e2e/package.json"));
const { chromium } = require("playwright");

const [base, outDir = "/tmp/shots"] = process.argv.slice(2);
if (!base || !/^https?:\/\//.test(base)) {
  console.error("usage: node scripts/screenshots.mjs <server url, e.g. http://127.0.0.1:8090> [folder, default /tmp/shots]");
  process.exit(2);
}
const PASSPHRASE = "pathway-demo";
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const saved = [];

/** Waits until the page shows its main heading and has stopped loading. */
async function settle(page) {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "visible", timeout: 15_000 });
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[role="status"]')].some((s) => /^Loading/.test(s.textContent?.trim() ?? "")),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForLoadState("networkidle").catch(() => {});
  // Let the last frame paint (fonts, focus outlines).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

async function shot(page, name) {
  await settle(page);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  saved.push(path);
  console.log(`${path}  (${new URL(page.url()).pathname})`);
}

async function signIn(page, username) {
  await page.goto(new URL("/login", base).href);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sample staff accounts may skip setting up a second factor (issue 13).
  if (/^(pa|manager)\./.test(username)) await page.getByRole("button", { name: "Skip: this is a sample account" }).click();
  await page.waitForURL((u) => u.pathname !== "/login", { timeout: 15_000 });
}

/** Follows the first link in the page's main area that goes under `prefix`. */
async function followFirst(page, prefix) {
  await page.getByRole("main").locator(`a[href^="${prefix}"]`).first().click();
  await page.waitForURL((u) => u.pathname.startsWith(prefix) && u.pathname.length > prefix.length);
}

async function newPage(device) {
  const context = await browser.newContext({ ...device, locale: "en-GB", baseURL: base });
  return { context, page: await context.newPage() };
}

try {
  // The young person, on a phone.
  {
    const { context, page } = await newPage(PHONE);
    await page.goto("/login");
    await shot(page, "young-person-01-login");
    await signIn(page, "jade");
    await page.getByText("Sam Okafor").first().waitFor();
    await shot(page, "young-person-02-home");
    // An entry to show: the demo's health history may be empty, so she adds
    // a note of her own (this changes the demo data on that server).
    await page.goto("/health/timeline");
    await settle(page);
    if ((await page.getByRole("main").locator('a[href^="/health/entry/"]').count()) === 0) {
      await page.goto("/health/add");
      await page.getByLabel("What kind of thing is it?").selectOption({ label: "Note" });
      await page.getByLabel("Title").fill("Ask about my eyes");
      await page.getByLabel("More details (if you want)").fill("Words go blurry when I read for a long time.");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Ask about my eyes" }).waitFor();
      console.log("(jade had no health entries: added the note \"Ask about my eyes\")");
    }
    const screens = [
      ["/offer", "03-offer"],
      ["/offer/", "04-offer-item"],
      ["/health", "05-health"],
      ["/health/timeline", "06-health-timeline"],
      ["/health/kind/", "07-health-kind"],
      ["/health/entry/", "08-health-entry"],
      ["/health/add", "09-health-add"],
      ["/health/glossary", "10-health-glossary"],
      ["/health/passport", "11-health-passport"],
      ["/people", "12-people"],
      ["/plan", "13-plan"],
      ["/me", "14-me"],
    ];
    for (const [path, name] of screens) {
      if (path === "/offer/") {
        await followFirst(page, "/offer/"); // from /offer, just shown
      } else if (path === "/health/kind/") {
        await page.goto("/health");
        await settle(page);
        await followFirst(page, "/health/kind/");
      } else if (path === "/health/entry/") {
        await page.goto("/health/timeline");
        await settle(page);
        await followFirst(page, "/health/entry/");
      } else {
        await page.goto(path);
      }
      await shot(page, `young-person-${name}`);
    }
    await context.close();
  }

  // Staff, on a laptop and on a phone.
  for (const [device, size] of [
    [LAPTOP, "1280"],
    [PHONE, "360"],
  ]) {
    const pa = await newPage(device);
    await signIn(pa.page, "pa.sam");
    await pa.page.getByRole("link", { name: /^Jade / }).waitFor();
    await shot(pa.page, `staff-${size}-01-caseload`);
    await pa.page.getByRole("link", { name: /^Jade / }).click();
    await pa.page.getByRole("heading", { name: "Pathway plan" }).waitFor();
    await shot(pa.page, `staff-${size}-02-young-person`);
    await pa.context.close();

    const manager = await newPage(device);
    await signIn(manager.page, "manager.liverpool");
    await manager.page.getByRole("region", { name: "Caseload oversight" }).waitFor();
    await shot(manager.page, `staff-${size}-03-council`);
    await manager.context.close();
  }
} finally {
  await browser.close();
}
console.log(`${saved.length} screens saved in ${outDir}`);
