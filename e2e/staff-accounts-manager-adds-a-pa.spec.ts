import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";

// Issue 13: a manager adds a PA, hands over the set-up code, and can
// disable and enable the account.
test("a manager adds a PA, sees the set-up code, and disables then enables the account", async ({ page }) => {
  await signIn(page, "manager.liverpool");
  await expect(page).toHaveURL(/\/council$/);
  await page.getByRole("link", { name: "Staff", exact: true }).click();

  await expect(page).toHaveURL(/\/council\/staff$/);
  await expect(page.getByRole("heading", { level: 2, name: "Sam Okafor" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Liz Carter (you)" })).toBeVisible();
  await page.getByRole("link", { name: "Add a member of staff" }).click();

  // Nothing filled in: every problem at once, in plain words.
  await page.getByRole("button", { name: "Add and make a set-up code" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Check this before saving" });
  await expect(summary).toContainText("Enter their first name.");
  await expect(summary).toContainText("Choose what they do: PA or manager.");

  await page.getByLabel("First name").fill("Omar");
  await page.getByLabel("Last name").fill("Hale");
  await page.getByLabel("Personal advisor (PA)").check();
  await page.getByRole("button", { name: "Add and make a set-up code" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Omar is added" })).toBeVisible();
  const card = page.getByRole("region", { name: "Omar's set-up code" });
  await expect(card.locator(".code-card__code [aria-hidden]")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(card.getByRole("img", { name: "QR code for Omar's set-up code" }).locator("svg")).toBeVisible();
  await expect(card).toContainText("omar.h");
  await expect(card).toContainText("Give it to Omar in person.");
  await expectNoSideScroll(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "staff-accounts-set-up-code");

  await page.getByRole("link", { name: "Back to staff" }).first().click();
  const omar = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Omar Hale" }) });
  await expect(omar).toContainText("Not signed in yet");
  await expect(omar).toContainText("0 young people");

  // Disabling asks first, in plain words.
  await omar.getByRole("button", { name: /^Disable\W+Omar Hale$/ }).click();
  await expect(omar.getByRole("group")).toContainText("Disabling signs Omar out everywhere at once.");
  await expectNoAxeViolations(page);
  await omar.getByRole("button", { name: "Yes, disable Omar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Omar Hale is disabled" })).toBeVisible();
  await expect(omar).toContainText("Disabled");

  await omar.getByRole("button", { name: /^Enable\W+Omar Hale$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Omar Hale can sign in again." })).toBeVisible();
  await expect(omar).not.toContainText("Disabled");
});
