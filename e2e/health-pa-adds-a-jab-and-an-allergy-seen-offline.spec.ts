import { expect, test } from "@playwright/test";
import { screenshot, screenshotHere, waitForServiceWorker } from "./support";
import { healthMenu, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade } from "./health";

test("a PA records a jab and an allergy, and the young person reads them offline with the words explained", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(90_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, {
    kind: "Jab",
    title: "MMR second dose",
    date: "2012-05-14",
    from: "Health assessment, March 2024",
  });
  await paRecords(sam.page, {
    kind: "Allergy",
    title: "Penicillin",
    date: "2015-09-02",
    severity: "Severe (can be dangerous)",
    from: "Health assessment, March 2024",
    details: "Rash and swelling after amoxicillin. Carries an EpiPen.",
  });
  await sam.health.scrollIntoViewIfNeeded();
  await screenshot(sam.page, "health-pa-their-health");
  await sam.context.close();

  await jadeSignsIn(page);
  await waitForServiceWorker(page);
  await openMyHealth(page);
  // No signal, and Pathway opened again: her health history is on the phone.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("You're offline.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "My health" })).toBeVisible();

  const allergies = page.getByRole("region", { name: "Allergies" });
  await expect(allergies.getByRole("link", { name: "Penicillin", exact: true }).first()).toBeVisible();
  await expect(allergies.getByText("Severe allergy").first()).toBeVisible();
  await expect(allergies.getByText("Recorded by Sam Okafor (PA)").first()).toBeVisible();
  await screenshot(page, "health-summary");

  await healthMenu(page, "Timeline");
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "2012" })).toBeVisible();
  await screenshotHere(page, "health-timeline");
  await openEntry(page, "MMR second dose");
  // The page title never says what the entry is.
  await expect(page).toHaveTitle("My health – Pathway");
  const words = page.getByRole("region", { name: "What the words mean" });
  await expect(words.getByText("MMR", { exact: true })).toBeVisible();
  await expect(words.getByText(/measles/i)).toBeVisible();
  await expect(page.getByText("Recorded by")).toBeVisible();
  await expect(page.getByText("Health assessment, March 2024")).toBeVisible();
  await screenshot(page, "health-entry-mmr");

  // The glossary works offline too.
  await page.getByRole("link", { name: "Back to My health" }).click();
  await healthMenu(page, "Words explained");
  await page.getByLabel("Search the words").fill("epipen");
  await expect(page.getByText("EpiPen", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ words?$/ })).toBeVisible();
  await screenshotHere(page, "health-glossary-search");
});
