// Lighthouse 12, mobile preset with its simulated throttling (its defaults),
// run against a Chromium that run.mjs started and Playwright set up (signed
// in, service worker in place) and then let go of, so a page is measured as
// a repeat visit with nothing else attached to the browser.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";

// Set to a folder to keep each run's trace there (Chrome's trace format:
// open in the browser's Performance panel) and see what a long task was.
const TRACES = process.env.PATHWAY_BUDGET_TRACES;
let traceNumber = 0;
// Set to 0 to measure without the warm tab (run.mjs, warmTab), to compare.
const WARM = process.env.PATHWAY_BUDGET_WARM !== "0";

/** Runs Lighthouse `runs` times on `url`, each time in `browser` freshly
 *  started (run.mjs's browserWithProfile), in a tab that first showed the
 *  origin's /robots.txt; returns each run's figures. */
export async function measureRuns(url, browser, { resetStorage, runs }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    // Lighthouse sometimes fails to record a load at all ("Please run
    // Lighthouse again", NO_NAVSTART once in a CI rehearsal): that run is
    // run again, at most twice, and says so. It is never a figure.
    let lhr;
    let artifacts;
    for (let attempt = 1; ; attempt++) {
      await browser.fresh();
      const warm = WARM ? await browser.warmTab(new URL("/robots.txt", url).href) : null;
      ({ lhr, artifacts } = await lighthouse(
        url,
        {
          port: browser.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          disableStorageReset: !resetStorage,
          skipAboutBlank: Boolean(warm),
        },
        undefined,
        warm?.tab,
      ));
      await warm?.done();
      if (!lhr.runtimeError) break;
      const why = `Lighthouse on ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
      if (attempt === 3) throw new Error(why);
      console.log(`  ${why} (run ${i + 1}, attempt ${attempt}); running it again`);
    }
    if (TRACES) writeFileSync(join(TRACES, `trace-${++traceNumber}.json`), JSON.stringify(artifacts.Trace));
    const tasks = lhr.audits["long-tasks"].details?.items ?? [];
    results.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      fcp: lhr.audits["first-contentful-paint"].numericValue,
      lcp: lhr.audits["largest-contentful-paint"].numericValue,
      tbt: lhr.audits["total-blocking-time"].numericValue,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      // Where the three longest came from, so a figure over budget says what to look at.
      longTasks: tasks
        .slice(0, 3)
        .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms (${t.url})`)
        .join("; "),
      // Not budgeted, but a part of the score: a late card that pushes the
      // page down shows here first.
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      finalUrl: lhr.finalDisplayedUrl,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    });
  }
  return results;
}

/** The median of each figure over `results` (from measureRuns).
 *
 *  Each figure is its own median: one run often has one long browser task
 *  (committing the navigation), and picking one whole run by its score let
 *  that single task decide the longest-task figure. */
export function summarize(results, url) {
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return {
    runs: results.length,
    performance: median("performance"),
    fcp: median("fcp"),
    lcp: median("lcp"),
    tbt: median("tbt"),
    longestTask: median("longestTask"),
    cls: median("cls"),
    // A run that ended somewhere else (sent back to sign-in, say) is the one to show.
    finalUrl: (results.find((r) => r.finalUrl !== url) ?? results[0]).finalUrl,
    // Lighthouse's own measure of the machine's speed at that moment: on a
    // shared machine it moves by half from one run to the next, and blocking
    // time with it, which is why each figure is a median of several runs.
    eachRun: results.map((r) => `host speed ${Math.round(r.benchmarkIndex)}, longest ${Math.round(r.longestTask)} ms, TBT ${Math.round(r.tbt)} ms: ${r.longTasks}`),
  };
}
