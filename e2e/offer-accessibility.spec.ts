import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";
import { openMyOffer } from "./offer";

test("My offer, its search results and an item with the tracker have no accessibility violations", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await openMyOffer(page);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Show everything" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Not for you right now" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Search the offer").fill("money");
  await expect(page.getByRole("heading", { level: 2, name: "Search results" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Search the offer").fill("zzzz");
  await expect(page.getByRole("status").filter({ hasText: "No results" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/offer/laptop-and-data");
  await expect(page.getByRole("heading", { level: 1, name: "A laptop and data" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Not asked" })).toBeChecked();
  await expectNoAxeViolations(page);
});

test("a PA reads their council's whole offer, with no tracker", async ({ page }) => {
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await page.goto("/offer");
  await expect(page.getByRole("heading", { level: 1, name: "Liverpool local offer" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Money" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "For you", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "A laptop and data", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A laptop and data" })).toBeVisible();
  await expect(page.getByRole("region", { name: "My tracker" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe("on a small phone (320 pixels wide)", () => {
  test.use({ viewport: { width: 320, height: 568 } });

  test("My offer, search results and an item never scroll sideways", async ({ page }) => {
    await signIn(page, "jade");
    await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
    await openMyOffer(page);
    await page.getByRole("button", { name: "Show everything" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Not for you right now" })).toBeVisible();
    await expectNoSideScroll(page);
    await page.getByLabel("Search the offer").fill("money");
    await expect(page.getByRole("heading", { level: 2, name: "Search results" })).toBeVisible();
    await expectNoSideScroll(page);
    await page.goto("/offer/higher-education-bursary");
    await expect(page.getByRole("heading", { level: 1, name: "University bursary" })).toBeVisible();
    await expectNoSideScroll(page);
    await screenshot(page, "offer-item-320");
  });
});
