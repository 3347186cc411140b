import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, screenshotHere, signIn } from "./support";
import { healthMenu, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade, theirHealth } from "./health";

/** axe, no side scroll at 360px, at 320px (a small phone, or a laptop at
 *  400% zoom) and at 640px (a laptop at 200% zoom), and a title that never
 *  names health content. */
async function checkScreen(page: Page, name: string, fullPage = true) {
  await expect(page).toHaveTitle("My health – Pathway");
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, `health-a11y-${name}`, fullPage);
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 780 });
    await expectNoSideScroll(page);
  }
  await page.setViewportSize({ width: 360, height: 780 });
}

test("every health screen is usable with a screen reader and a keyboard, at 320px and at 200% zoom", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, {
    kind: "Jab",
    title: "Td/IPV teenage booster",
    date: "2019-10-03",
    from: "Initial health assessment, 2019",
    details: "Given at school by the school nurse. Next: none needed. MMR and BCG checked in her Red Book.",
  });
  await paRecords(sam.page, { kind: "GP, dentist or optician", title: "Dr Patel, Kensington Surgery", extra: "0151 496 0123" });
  await expectNoAxeViolations(sam.page);
  await expectNoSideScroll(sam.page);
  // A mistake in the PA's form is said next to the field, and summed up at the top.
  const form = theirHealth(sam.page);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByText("Write a short title, like \"Penicillin\".").first()).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(sam.page);
  await sam.context.close();

  await jadeSignsIn(page);
  await openMyHealth(page);
  const practitioners = page.getByRole("region", { name: "My GP, dentist and optician" });
  await expect(practitioners.getByRole("link", { name: "Call Dr Patel, Kensington Surgery: 0151 496 0123" })).toHaveAttribute(
    "href",
    "tel:01514960123",
  );
  await checkScreen(page, "summary");

  await healthMenu(page, "Timeline");
  await checkScreen(page, "timeline");

  // Her demo history has no appointment: an empty kind.
  await page.goto("/health/kind/appointment");
  await expect(page.getByRole("heading", { level: 1, name: "Appointments" })).toBeVisible();
  await expect(page.getByText("Add appointments so you don't forget them.")).toBeVisible();
  await checkScreen(page, "kind-empty");

  await openMyHealth(page);
  await page.getByRole("link", { name: /^Jabs \(immunisations\)/ }).click();
  await openEntry(page, "Td/IPV teenage booster");
  await expect(page.getByRole("region", { name: "What the words mean" }).getByText("Red Book", { exact: true })).toBeVisible();
  await checkScreen(page, "entry");
  await page.getByRole("region", { name: "What the words mean" }).scrollIntoViewIfNeeded();
  await screenshotHere(page, "health-a11y-entry-words");
  // Keyboard: the first linked word, then its meaning on the same page.
  await page.getByRole("heading", { level: 1 }).getByRole("link", { name: "Td/IPV" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#term-td-ipv$/);

  // Bad input in her own form: every problem at once, each next to its field.
  await page.getByRole("link", { name: "Back to My health" }).click();
  await healthMenu(page, "Add");
  await page.getByLabel("What kind of thing is it?").selectOption({ label: "GP, dentist or optician" });
  await page.getByLabel("Phone number").fill("call me");
  await page.getByLabel("Date (if you know it)").fill("1850-01-01");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").getByText("Check this before saving")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Write a short title, like \"Penicillin\".").last()).toBeVisible();
  await expect(page.getByText("Enter a UK phone number, like 0151 496 0100.").last()).toBeVisible();
  await expect(page.getByText("Enter a real date between 1900 and 2100, or leave it empty.").last()).toBeVisible();
  await checkScreen(page, "add-errors");
  // Nothing was saved.
  await healthMenu(page, "Timeline");
  await expect(page.getByText("call me")).toHaveCount(0);

  await healthMenu(page, "Words explained");
  await expect(page.getByRole("heading", { level: 1, name: "Words explained" })).toBeVisible();
  // 199 words: the whole page is too tall to look at; what is on screen.
  await checkScreen(page, "glossary", false);

  await healthMenu(page, "Passport");
  await checkScreen(page, "passport");
});

test("health pages are only for young people", async ({ page }) => {
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await page.goto("/health/passport");
  await expect(page).toHaveURL(/\/caseload$/);
  // The address changes at once; the caseload comes from the staff build,
  // loaded afresh. Ending the journey mid-load left the browser unable to
  // close the page in time.
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
});
