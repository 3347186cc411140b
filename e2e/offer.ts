// Steps for the "My offer" journeys.
import { expect, type Page } from "@playwright/test";

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

