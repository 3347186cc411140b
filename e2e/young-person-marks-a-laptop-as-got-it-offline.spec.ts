import { expect, test } from "@playwright/test";
import { screenshot, screenshotHere, signIn, waitForServiceWorker } from "./support";
import { card, openMyOffer } from "./offer";

test("a young person finds the laptop offline, marks it Got it, and her PA sees it once she is back online", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
  await waitForServiceWorker(page);
  // One online visit keeps the offer on the phone.
  await openMyOffer(page);

  // No signal, and Pathway opened again: the offer comes from the phone.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("You're offline.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "For you", exact: true })).toBeVisible();

  await page.getByLabel("Search the offer").fill("laptop");
  await expect(page.getByRole("heading", { level: 2, name: "Search results" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ results?$/ })).toBeVisible();
  await expect(card(page, "A laptop and data")).toBeVisible();
  await screenshot(page, "offer-search");
  await page.getByRole("heading", { level: 2, name: "Search results" }).scrollIntoViewIfNeeded();
  await screenshotHere(page, "offer-search-here");
  await page.getByRole("link", { name: "A laptop and data", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A laptop and data" })).toBeVisible();

  // She marks it: the date is set to today, and she adds a note.
  const tracker = page.getByRole("region", { name: "My tracker" });
  await expect(tracker.getByRole("radio", { name: "Not asked" })).toBeChecked();
  await tracker.getByRole("radio", { name: "Got it" }).check();
  const today = await page.evaluate(() => {
    const d = new Date();
    const two = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
  await expect(tracker.getByLabel("Date it changed")).toHaveValue(today);
  await tracker.getByLabel("Note (if you want one)").fill("It came in the post.");
  await tracker.getByRole("button", { name: "Save" }).click();
  await expect(tracker.getByText("Saved on this phone. It will sync when you're online.")).toBeVisible();

  // The list shows it too, still offline.
  await page.getByRole("link", { name: "Back to the offer" }).click();
  await expect(card(page, "A laptop and data").getByText("Your tracker: Got it")).toBeVisible();
  await page.getByRole("link", { name: "A laptop and data", exact: true }).click();

  // Back online: it syncs.
  await context.setOffline(false);
  await expect(tracker.getByText("Saved and synced.")).toBeVisible({ timeout: 15_000 });
  await expect(tracker.getByRole("radio", { name: "Got it" })).toBeChecked();
  await expect(tracker.getByLabel("Note (if you want one)")).toHaveValue("It came in the post.");
  await screenshot(page, "offer-item-tracker");
  await tracker.scrollIntoViewIfNeeded();
  await screenshotHere(page, "offer-item-tracker-here");

  // Her PA opens Jade's page and reads the tracker.
  const paContext = await browser.newContext();
  const pa = await paContext.newPage();
  await signIn(pa, "pa.sam");
  await pa.getByRole("link", { name: /^Jade / }).click();
  await expect(pa.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  const theirs = pa.getByRole("region", { name: "Their offer tracker" });
  await expect(theirs.getByText("A laptop and data — Got it", { exact: true })).toBeVisible();
  await expect(theirs.getByText("It came in the post.")).toBeVisible();
  await expect(theirs.getByText(/^Since \d+ \w+ \d{4}$/)).toBeVisible();
  // Read-only: nothing to change it with.
  await expect(theirs.getByRole("radio")).toHaveCount(0);
  await expect(theirs.getByRole("button")).toHaveCount(0);
  await theirs.scrollIntoViewIfNeeded();
  await screenshotHere(pa, "pa-offer-tracker");
  await paContext.close();
});
