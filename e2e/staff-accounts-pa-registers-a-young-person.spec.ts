import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";

// Issue 13: a PA registers a young person and gets her invite code; then
// changes her details, and makes her a new code.
test("a PA registers a young person, sees the code and QR, edits her details and makes a new code", async ({ page }) => {
  await signIn(page, "pa.sam");
  await expect(page).toHaveURL(/\/caseload$/);
  await page.getByRole("link", { name: "Register a young person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register a young person" })).toBeVisible();

  await page.getByRole("button", { name: "Register and make a code" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Check this before saving" });
  await expect(summary).toContainText("Enter a first name.");
  await expect(summary).toContainText("Enter the date of birth.");
  await expect(summary).toContainText("Choose their legal status.");

  const born = `${new Date().getFullYear() - 19}-01-15`;
  await page.getByLabel("First name").fill("Nia");
  await page.getByLabel("Last name").fill("Brooks");
  await page.getByLabel("Date of birth").fill(born);
  await page.getByLabel(/^Former relevant/).check();
  await page.getByLabel("In education or training").check();
  await page.getByRole("button", { name: "Register and make a code" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Nia is on your caseload" })).toBeVisible();
  const card = page.getByRole("region", { name: "Nia's code" });
  const code = card.locator(".code-card__code [aria-hidden]");
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const first = await code.textContent();
  await expect(card.getByRole("img", { name: "QR code for Nia's code" }).locator("svg")).toBeVisible();
  await expect(card).toContainText("nia.b");
  await expect(card).toContainText("It works once, for 7 days");
  await expect(card).toContainText("A new code stops the old one working.");
  await expectNoSideScroll(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "staff-accounts-invite-code");

  // Her page; her details, filled in, to change.
  await page.getByRole("link", { name: "Open Nia's page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nia Brooks" })).toBeVisible();
  await page.getByRole("link", { name: "Edit Nia's details" }).click();
  await expect(page.getByLabel("Last name")).toHaveValue("Brooks");
  await expect(page.getByLabel("Date of birth")).toHaveValue(born);
  await expect(page.getByLabel("In education or training")).toBeChecked();
  await page.getByLabel("Last name").fill("Brooks-Reid");
  await page.getByLabel("Young parent").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved Nia's details." })).toBeVisible();
  // From the top: scrolled to the button, the sticky header half covers a
  // radio button higher up, which axe counts as a small target.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Back to their page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nia Brooks-Reid" })).toBeVisible();
  await expect(page.getByText("Young parent")).toBeVisible();

  // A new code: the old one stops working; nothing she saved is lost.
  await page.getByRole("link", { name: "Nia forgot their passphrase: make a new code" }).click();
  await expect(page.getByText("Nothing Nia has saved is lost.")).toBeVisible();
  await page.getByRole("button", { name: "Make a new code" }).click();
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await code.textContent()).not.toEqual(first);
  await expectNoAxeViolations(page);

  // Someone not on the caseload: a plain "can't find".
  await page.goto("/caseload/00000000-0000-0000-0000-000000000000/profile");
  await expect(page.getByText("We can't find this young person on your caseload.")).toBeVisible();
});
