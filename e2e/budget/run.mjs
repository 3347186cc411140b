// Checks the young person's app against budgets.json (issue 12), printing
// every figure whether or not it is within budget, and exits 1 if any is over.
//
//   node e2e/budget/run.mjs [--only login,jade,heavy]
//
// Needs the release build in dist/ (both builds, see scripts/lib/tools.sh)
// and target/release/pathway-server; scripts/test-all builds both first.
// Starts its own server on a fresh demo database (port 8097) and makes the
// heavy young person with scripts/perf/heavy-fixture.mjs.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import WebSocket from "ws";
import { measureRuns, summarize } from "./lighthouse.mjs";
import { startPathway, startStaticCopy } from "./serve.mjs";
import { firstVisit, languageFiles, signIn, wholeApp } from "./sizes.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = resolve(process.env.PATHWAY_DIST_DIR ?? join(ROOT, "dist"));
const BIN = process.env.PATHWAY_SERVER_BIN ?? join(ROOT, "target/release/pathway-server");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PASSPHRASE = "pathway-demo";
const budgets = JSON.parse(readFileSync(join(ROOT, "budgets.json"), "utf8"));
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : ["login", "jade", "heavy"];

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const failures = [];
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function check(what, value, { goal, budget }, worse, show = String) {
  const over = worse(value, budget);
  const missesGoal = worse(value, goal);
  const mark = over ? "OVER BUDGET" : missesGoal ? "within budget, short of goal" : "ok";
  console.log(`  ${what.padEnd(46)} ${show(value).padStart(10)}  budget ${show(budget)}, goal ${show(goal)}  ${mark}`);
  if (over) failures.push(`${what}: ${show(value)} (budget ${show(budget)})`);
}
const above = (v, limit) => v > limit;
const below = (v, limit) => v < limit;

/** A Chromium with its own profile, started here (not by Playwright), that
 *  Playwright drives to set a page up and Lighthouse then measures.
 *
 *  Playwright lets go of it first (`letGo`): while attached it adds its own
 *  work to every page the browser opens (a script world, bindings, event
 *  reporting), which Lighthouse counted as the app's blocking time.
 *
 *  `fresh()` shuts Chromium down cleanly (so the profile on disk holds her
 *  cookie, the service worker, its caches and her records) and starts it
 *  again on the same profile: Lighthouse measures each run in a browser that
 *  has just started, as when she opens Pathway from her home screen. In one
 *  long-lived browser the page went into the renderer that had run the pages
 *  before it, and Lighthouse's start (its debugger walks every object in
 *  that renderer) took one 75-80 ms task there, which it then counted as
 *  the app's: 83-332 ms of simulated blocking from run to run. */
let nextPort = 9340;
async function browserWithProfile() {
  const profile = mkdtempSync(join(tmpdir(), "pathway-budget-profile-"));
  const port = nextPort++;
  let chrome;
  let playwright;
  // Listening once its DevTools endpoint answers.
  const start = async () => {
    // A browser left running on this port (by a run that crashed) would
    // answer for the new one, with another profile: say so instead.
    if (await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok, () => false)) {
      throw new Error(`something already listens on port ${port}; is a Chromium from an earlier run still up?`);
    }
    chrome = spawn(
      CHROMIUM,
      ["--headless=new", ...ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, "about:blank"],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Chromium did not listen on port ${port} within 10 s`);
  };
  const letGo = async () => {
    await playwright?.close();
    playwright = undefined;
  };
  // Browser.close over DevTools is Chromium's own clean shutdown, which
  // writes the profile out: her cookie with it (after a SIGTERM it was not
  // there, and Home sent Lighthouse to sign in). Sent straight over the
  // socket: Playwright, attaching to every open page first, once hung on a
  // page whose server had gone. A browser not gone in 15 s is killed.
  const stop = async () => {
    if (chrome.exitCode !== null || chrome.signalCode !== null) return;
    const exited = new Promise((r) => chrome.once("exit", r));
    const killLater = setTimeout(() => chrome.kill("SIGKILL"), 15_000);
    await letGo().catch(() => {});
    try {
      const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
      const socket = new WebSocket(webSocketDebuggerUrl);
      socket.on("error", () => {});
      socket.on("open", () => socket.send(JSON.stringify({ id: 1, method: "Browser.close" })));
    } catch {
      chrome.kill("SIGTERM");
    }
    await exited;
    clearTimeout(killLater);
  };
  await start();
  return {
    port,
    newPage: async () => {
      playwright ??= await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const page = await playwright.contexts()[0].newPage();
      await page.setViewportSize({ width: 360, height: 780 });
      return page;
    },
    letGo,
    fresh: async () => {
      await stop();
      await start();
    },
    // A new tab that has shown `warmUpUrl`, a plain page of the measured
    // page's origin (no script): Lighthouse is handed this tab and measures
    // the page in the renderer the tab already has. Lighthouse's own tab
    // starts on about:blank, which has no Cross-Origin-Opener-Policy; ours
    // has one, so Chromium put our page in a brand-new renderer, whose first
    // task (starting the JavaScript engine, 34-56 ms, 150-224 ms simulated)
    // Lighthouse counted as the page's longest.
    warmTab: async (warmUpUrl) => {
      const connection = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
      const tab = await connection.newPage();
      await tab.goto(warmUpUrl);
      return { tab, done: () => connection.disconnect() };
    },
    close: async () => {
      await stop();
      // Its helper processes may still be writing there for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** The page as painted, with no script: what "no app at all" would show. */
async function staticCopy(page) {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll("script, link[rel=modulepreload], link[rel=preload], link[rel=manifest]").forEach((e) =>
      e.remove(),
    );
    return `<!doctype html>\n${copy.outerHTML}`;
  });
}

/** Over budget on the figures the app alone decides (not the LCP ratio,
 *  which needs the static copy). */
const appOverBudget = (a) => {
  const lh = budgets.lighthouse;
  return (
    a.performance < lh.min_performance.budget ||
    a.tbt > lh.max_tbt_ms.budget ||
    a.longestTask > lh.max_long_task_ms.budget
  );
};

async function lighthouseWithStatic(name, server, url, page, { resetStorage }) {
  const html = await staticCopy(page);
  await page.close();
  await server.letGo();
  const runs = budgets.lighthouse.runs;
  let results = await measureRuns(url, server, { resetStorage, runs });
  let app = summarize(results, url);
  // The host's speed moves for minutes at a time (see summarize): when the
  // median of the first runs is over, as many runs again, and the figures
  // are the median of all of them. Both medians are printed.
  let firstMedians = null;
  if (appOverBudget(app)) {
    firstMedians = app;
    results = results.concat(await measureRuns(url, server, { resetStorage, runs }));
    app = summarize(results, url);
  }
  const copy = await startStaticCopy({ html, dist: DIST, port: 8098 });
  // A page with no script paints the same every time: one run is enough.
  const plainUrl = `${copy.base}${new URL(url).pathname}`;
  const plain = summarize(await measureRuns(plainUrl, server, { resetStorage: true, runs: 1 }), plainUrl);
  copy.stop();
  return { name, url, app, plain, firstMedians };
}

async function main() {
  const pathway = await startPathway({ bin: BIN, dist: DIST, port: 8097 });
  const base = pathway.base;
  try {
    console.log("\nSizes (brotli, quality 11)");
    const whole = wholeApp(DIST);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const first = await firstVisit(browser, base, { username: "jade", passphrase: PASSPHRASE, firstName: "Jade" });
    await browser.close();
    console.log(`  first visit (cold, sign in, Home):`);
    for (const f of first) console.log(`    ${f.file.padEnd(44)} ${String(f.raw).padStart(9)} raw ${String(f.br).padStart(8)} br`);
    console.log(`  the young person's build (dist/ without staff/):`);
    for (const f of whole) console.log(`    ${f.file.padEnd(44)} ${String(f.raw).padStart(9)} raw ${String(f.br).padStart(8)} br`);
    const sum = (rows) => rows.reduce((n, r) => n + r.br, 0);
    check("first visit", sum(first), budgets.sizes.first_visit_bytes, above, kb);
    check("whole app", sum(whole), budgets.sizes.whole_app_bytes, above, kb);
    // Another language is data a phone in it adds to the whole app.
    const languages = Object.entries(languageFiles(DIST));
    if (languages.length === 0) failures.push("no other language's files in dist/locales: the build lost them");
    for (const [lang, rows] of languages) {
      console.log(`  a phone in ${lang} also holds: ${rows.map((r) => `${r.file} ${r.br} br`).join(", ")}`);
      check(`language files (${lang})`, sum(rows), budgets.sizes.language_bytes, above, kb);
    }

    const pages = [];
    if (only.includes("login")) {
      const b = await browserWithProfile();
      const page = await b.newPage();
      await page.goto(`${base}/login`);
      await page.getByRole("heading", { level: 1, name: "Sign in to Pathway" }).waitFor();
      pages.push(await lighthouseWithStatic("login, cold", b, `${base}/login`, page, { resetStorage: true }));
      await b.close();
    }
    const people = [];
    if (only.includes("jade")) people.push({ name: "Home of demo jade, repeat visit", user: "jade", first: "Jade" });
    if (only.includes("heavy")) {
      execFileSync("node", [join(ROOT, "scripts/perf/heavy-fixture.mjs"), "--base", base, "--user", "ellie"], {
        stdio: "inherit",
      });
      people.push({ name: "Home of heavy ellie, repeat visit", user: "ellie", first: "Ellie" });
    }
    for (const who of people) {
      const b = await browserWithProfile();
      const page = await b.newPage();
      await page.goto(`${base}/login`);
      await signIn(page, who.user, PASSPHRASE);
      await page.getByRole("heading", { level: 1, name: `Hi, ${who.first}` }).waitFor({ timeout: 60_000 });
      // Repeat visit: the service worker holds the app and her records are
      // on the phone before Lighthouse opens Home again.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      await page.reload();
      await page.getByRole("heading", { level: 1, name: `Hi, ${who.first}` }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      pages.push(await lighthouseWithStatic(who.name, b, `${base}/`, page, { resetStorage: false }));
      await b.close();
    }

    const lh = budgets.lighthouse;
    const ms = (n) => `${Math.round(n)} ms`;
    for (const p of pages) {
      const a = p.app;
      const s = p.plain;
      console.log(`\nLighthouse (mobile, simulated throttling): ${p.name}  [median of ${a.runs}]`);
      const f = p.firstMedians;
      if (f) {
        console.log(
          `  first ${f.runs} runs were over (performance ${f.performance}, TBT ${ms(f.tbt)}, longest task ${ms(f.longestTask)}): ${f.runs} more taken`,
        );
      }
      console.log(
        `  app:         performance ${a.performance}, FCP ${ms(a.fcp)}, LCP ${ms(a.lcp)}, TBT ${ms(a.tbt)}, longest task ${ms(a.longestTask)}, CLS ${a.cls.toFixed(3)}`,
      );
      console.log(
        `  static copy: performance ${s.performance}, FCP ${ms(s.fcp)}, LCP ${ms(s.lcp)}, TBT ${ms(s.tbt)}, longest task ${ms(s.longestTask)}`,
      );
      a.eachRun.forEach((r, i) => console.log(`  run ${i + 1}: ${r}`));
      if (a.finalUrl !== p.url) failures.push(`${p.name}: Lighthouse ended on ${a.finalUrl}, not ${p.url}`);
      check(`${p.name}: performance`, a.performance, lh.min_performance, below);
      check(`${p.name}: LCP / static copy's LCP`, a.lcp / s.lcp, lh.max_lcp_over_static_copy, above, (v) =>
        v.toFixed(2),
      );
      check(`${p.name}: TBT`, a.tbt, lh.max_tbt_ms, above, ms);
      check(`${p.name}: longest main-thread task`, a.longestTask, lh.max_long_task_ms, above, ms);
    }
  } finally {
    pathway.stop();
  }
  if (failures.length) {
    console.log(`\nBudgets: ${failures.length} over:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("\nBudgets: all within budget.");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
