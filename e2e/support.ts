// Steps that several journeys share, written the way a person does them.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const PASSPHRASE = "pathway-demo";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** WCAG 2.2 AA as axe-core checks it: the list of violations must be empty. */
export async function expectNoAxeViolations(page: Page) {
  await scrollSettled(page);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

/** Waits until the page has stopped moving: where motion is allowed the
 *  page scrolls smoothly (to a form's problems, say), and axe measures where
 *  targets sit on the screen, so a moment mid-scroll could find one under the
 *  sticky header that no one would see there once the page is still. */
export async function scrollSettled(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = Number.NaN;
        let stillFrames = 0;
        const look = () => {
          stillFrames = window.scrollY === last ? stillFrames + 1 : 0;
          last = window.scrollY;
          if (stillFrames >= 3) done();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

export async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The demo's staff are sample accounts: they may skip setting up a
  // second factor, which the sign-in page offers each time (issue 13).
  if (/^(pa|manager)\./.test(username)) {
    await page.getByRole("button", { name: "Skip: this is a sample account" }).click();
  }
}

/** Saves a screenshot of the whole page for people to look at (not
 *  compared automatically). */
export async function screenshot(page: Page, name: string, fullPage = true) {
  const dir = join(__dirname, "test-results", "screens");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

/** A screenshot of what is on screen now (not the whole page): long lists
 *  make full-page shots too tall to read. */
export async function screenshotHere(page: Page, name: string) {
  await screenshot(page, name, false);
}

/** The service worker has installed and now controls this page. */
export async function waitForServiceWorker(page: Page) {
  // Not an async predicate: waitForFunction takes the promise it returns
  // as a truthy answer and stops waiting at once.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

export async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "page scrolls sideways").toBeLessThanOrEqual(0);
}

/** Collects what the browser refused under the content security policy
 *  (an inline style or script slipping into the app would show up here). */
export function watchCsp(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to/.test(msg.text())) {
      refused.push(msg.text());
    }
  });
  return refused;
}
