// Steps for the "My offer" journeys.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(summary, JSON.stringify(summary, null, 2)).toEqual([]);
}

/** From anywhere in the young person's app: the bottom bar's "My offer". */
export async function openMyOffer(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My offer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My offer" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "For you", exact: true })).toBeVisible();
}

/** The card in a list whose title link is `title`. */
export function card(page: Page, title: string) {
  return page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title, exact: true }) });
}

/** A screenshot of what is on screen now (not the whole page), for people
 *  to look at: long lists make full-page shots too tall to read. */
export async function screenshotHere(page: Page, name: string) {
  const dir = join(__dirname, "test-results", "screens");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
