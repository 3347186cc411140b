// Lighthouse 12, mobile preset with its simulated throttling (its defaults),
// run against a Chromium that Playwright started, so a page can first be set
// up (signed in, service worker in place) and then measured as a repeat visit.
import lighthouse from "lighthouse";

/** Runs Lighthouse `runs` times on `url` in the browser listening on `port`;
 *  returns the run with the median performance score, with its figures. */
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
      // Not budgeted, but a part of the score: a late card that pushes the
      // page down shows here first.
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      finalUrl: lhr.finalDisplayedUrl,
    });
  }
  results.sort((a, b) => a.performance - b.performance);
  return results[Math.floor(results.length / 2)];
}
