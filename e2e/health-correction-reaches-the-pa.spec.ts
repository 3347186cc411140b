import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./support";
import { andSync, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade, theirHealth } from "./health";

/** The "Date" the entry's page shows (its facts: "Date", "20 January 2010"). */
function shownDate(page: Page) {
  return page
    .getByRole("term")
    .filter({ hasText: /^Date$/ })
    .locator("xpath=following-sibling::dd[1]");
}

test("a young person asks for a correction and her PA sees it and answers, and what he recorded stays as it was", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, { kind: "Health condition", title: "Migraine", date: "2010-01-20", from: "GP letter, 2018" });

  await jadeSignsIn(page);
  await openMyHealth(page);
  await openEntry(page, "Migraine");
  await expect(shownDate(page)).toHaveText("20 January 2010");
  // She can't change the words, only ask.
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ask for a correction" }).click();
  await expect(page.getByText("Write what is wrong, and what it should say.")).toBeVisible();
  const box = page.getByLabel("What is wrong, and what should it say?");
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await box.fill("I was diagnosed in 2012, not 2010.");
  await andSync(page, () => page.getByRole("button", { name: "Ask for a correction" }).click());
  await expect(page.getByText("Waiting for your PA to answer.")).toBeVisible();
  // Asking changes nothing Sam recorded: not on her phone, nor once it is
  // back from Pathway.
  await expect(shownDate(page)).toHaveText("20 January 2010");
  await page.reload();
  await expect(page.getByText("Waiting for your PA to answer.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Migraine" })).toBeVisible();
  await expect(shownDate(page)).toHaveText("20 January 2010");

  await sam.page.reload();
  const migraine = theirHealth(sam.page).getByRole("listitem").filter({ hasText: "Migraine" });
  await expect(migraine.getByText("They asked for a correction:")).toBeVisible();
  await expect(migraine.getByText("I was diagnosed in 2012, not 2010.")).toBeVisible();
  await expect(migraine).toContainText("20 January 2010");
  await migraine.getByLabel("Your answer about Migraine").fill("Thanks. I'll check with your GP and fix it.");
  await andSync(sam.page, () => migraine.getByRole("button", { name: "Send answer" }).click());
  await migraine.scrollIntoViewIfNeeded();
  await screenshot(sam.page, "health-pa-correction");
  await sam.context.close();

  await page.reload();
  await expect(page.getByText("Your PA's answer:")).toBeVisible();
  await expect(page.getByText("Thanks. I'll check with your GP and fix it.")).toBeVisible();
  // The words and date Sam recorded are unchanged: only he can change
  // them, by editing the entry.
  await expect(page.getByRole("heading", { level: 1, name: "Migraine" })).toBeVisible();
  await expect(shownDate(page)).toHaveText("20 January 2010");
  await expect(page.getByText("GP letter, 2018", { exact: true })).toBeVisible();
});
