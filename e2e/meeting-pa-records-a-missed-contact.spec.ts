// Issue 14: Sam records a phone call he could not get through on, offline
// on his laptop; the form refuses a date after today; the attempt shows on
// Tom's page and reaches Pathway. Then he changes how often he sees Tom.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn, waitForServiceWorker } from "./support";
import { expectSynced, openPersonPage } from "./people";

const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

/** A date `days` from today as the date box takes it (the phone's own day). */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test("a PA records a missed contact offline, and changes how often they meet with a reason", async ({ browser }) => {
  const laptop = await browser.newContext(LAPTOP);
  const page = await laptop.newPage();
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  // Each row says when contact and review are due.
  const tom = page.getByRole("listitem").filter({ hasText: "Tom Clarke" });
  await expect(tom.getByText(/^Contact (due|overdue by) /)).toBeVisible();
  await expect(tom.getByText(/^Review (due|overdue by|asked for)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "caseload-laptop");
  await waitForServiceWorker(page);
  await openPersonPage(page, "Tom");
  await expectSynced(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "person-laptop");

  // In a car park with no signal: he tried to phone Tom and got no answer.
  await laptop.setOffline(true);
  await page.getByRole("link", { name: "Record a contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a contact with Tom" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(inDays(0));
  await page.getByLabel("Date", { exact: true }).fill(inDays(2));
  await page.getByRole("button", { name: "Save contact" }).click();
  const problems = page.getByRole("alert").filter({ hasText: "Check this before saving" });
  await expect(problems).toContainText("The date can't be after today.");
  await expect(problems).toContainText("Choose how you were in touch.");
  await expectNoAxeViolations(page);
  await screenshot(page, "contact-problems-laptop");

  await page.getByLabel("Date", { exact: true }).fill(inDays(0));
  await page.getByRole("radio", { name: "Tried to get in touch" }).check();
  await page.getByLabel("What we talked about").fill("I rang twice and left a voicemail. Call me back when you can.");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("Contact saved")).toBeVisible();
  const contacts = page.getByRole("region", { name: "Contacts", exact: true });
  // Newest first: today's attempt heads the list.
  const newest = contacts.getByRole("listitem").first();
  await expect(newest).toContainText("Tried to get in touch");
  await expect(newest).toContainText("I rang twice and left a voicemail.");
  // A missed attempt is shown, but it is not a contact.
  await expect(page.getByRole("region", { name: "Keeping in touch", exact: true }).getByText(/\(tried \d+ \w+\)/)).toBeVisible();

  // Back online, it reaches Pathway.
  await laptop.setOffline(false);
  await expectSynced(page);

  // Tom wants to be seen every 4 weeks while he starts his new job.
  const touch = page.getByRole("region", { name: "Keeping in touch", exact: true });
  await touch.getByText("Change how often").click();
  await touch.getByLabel("Weeks between contacts").fill("4");
  await touch.getByRole("button", { name: "Save how often" }).click();
  await expect(touch.getByText("Write why it is not every 8 weeks.")).toBeVisible();
  await touch.getByLabel("Why", { exact: true }).fill("Tom asked to meet more often while he starts his new job.");
  await touch.getByRole("button", { name: "Save how often" }).click();
  await expect(touch.getByText("Every 4 weeks")).toBeVisible();
  await expectSynced(page);
  await expectNoAxeViolations(page);

  // On a phone the same pages stack and never scroll sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoSideScroll(page);
  await screenshot(page, "person-phone");
  await page.getByRole("link", { name: "Record a contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a contact with Tom" })).toBeVisible();
  await expectNoSideScroll(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "contact-phone");
  await laptop.close();
});
