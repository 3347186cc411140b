// Lighthouse 12, mobile preset with its simulated throttling (its defaults),
// run against a Chromium that run.mjs started and Playwright set up (signed
// in, service worker in place) and then let go of, so a page is measured as
// a repeat visit with nothing else attached to the browser.
import lighthouse from "lighthouse";

/** Runs Lighthouse `runs` times on `url` in the browser listening on `port`;
 *  returns the median of each figure, and every run's long tasks.
 *
 *  Each figure is its own median: the first run after sign-in often has one
 *  long browser task (committing the navigation, 270-350 ms simulated here
 *  against 110-125 ms in the runs after it), and picking one whole run by
 *  its score let that single task decide the longest-task figure. */
export async function measure(url, port, { resetStorage, runs }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      disableStorageReset: !resetStorage,
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
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
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return {
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
