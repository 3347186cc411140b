import { expect, test } from "@playwright/test";
import { screenshot } from "./support";
import { andSync, healthMenu, jadeSignsIn, openEntry, openMyHealth, paRecords, pdfText, samOpensJade } from "./health";

const PRIVATE = "Sickle cell trait";
// Not in her demo history (which has a penicillin allergy already).
const ALLERGY = "Latex";
// Her demo note, ticked but "only me".
const DEMO_PRIVATE = "Counselling I went to in year 10";

test("a young person prints her passport: the allergy she ticked, never an 'only me' entry", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, { kind: "Allergy", title: ALLERGY, severity: "Severe (can be dangerous)", from: "Health assessment, March 2024" });
  await sam.context.close();

  await jadeSignsIn(page);
  await openMyHealth(page);
  await openEntry(page, ALLERGY);
  await andSync(page, () => page.getByRole("checkbox", { name: "Put in my health passport" }).check());

  // Her own entry, only for her, which she ticks too.
  await page.getByRole("link", { name: "Back to My health" }).click();
  await healthMenu(page, "Add");
  await page.getByLabel("What kind of thing is it?").selectOption({ label: "Family health fact" });
  await page.getByLabel("Title").fill(PRIVATE);
  await page.getByLabel(/^Who in the family/).fill("Birth mother");
  await expect(page.getByRole("radio", { name: "Only me" })).toBeChecked();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRIVATE })).toBeVisible();
  await page.getByRole("checkbox", { name: "Put in my health passport" }).check();
  await expect(page.getByText("This is marked \"Only me\", so it won't be printed even if you tick this.")).toBeVisible();

  await page.getByRole("link", { name: "Back to My health" }).click();
  await healthMenu(page, "Passport");
  await expect(page.getByRole("heading", { level: 1, name: "Health passport" })).toBeVisible();
  await expect(page.getByText("Jade", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Allergies" })).toBeVisible();
  await expect(page.getByText(ALLERGY, { exact: true })).toBeVisible();
  await expect(page.getByText(PRIVATE)).toHaveCount(0);
  await expect(page.getByText(DEMO_PRIVATE)).toHaveCount(0);
  await expect(page.getByText("2 entries you ticked are marked \"Only me\", so they are not in your passport.")).toBeVisible();
  await screenshot(page, "health-passport");

  // The button opens the browser's print dialog.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Print or save as PDF" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");

  // What Chromium prints (print CSS: no header, buttons or quick exit).
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "health-passport-print");
  await page.emulateMedia({ media: null });
  const text = await pdfText(await page.pdf({ format: "A4" }));
  expect(text).toContain(ALLERGY);
  expect(text).toContain("Health passport");
  expect(text).not.toContain(PRIVATE);
  expect(text).not.toContain(DEMO_PRIVATE);
  expect(text).not.toContain("Quick exit");
  expect(text).not.toContain("Print or save as PDF");
});
