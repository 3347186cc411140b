// Steps for the My people, keep in touch, "I feel unsafe" and My plan
// journeys, written the way a person does them.
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

export const SYNCED = /^Synced at \d\d:\d\d$/;

/** A young person opens My people from the bottom bar and waits until
 *  their people have loaded (so a copy is saved on the phone). */
export async function openMyPeople(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My people" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My people" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your leaving care team" })).toBeVisible();
}

/** Signs someone in on a new device (a browser context of their own). */
export async function onNewDevice(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

/** A PA opens a young person's page from their caseload. */
export async function openPersonPage(page: Page, firstName: string) {
  await page.getByRole("link", { name: new RegExp(`^${firstName} `) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${firstName} `) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pathway plan" })).toBeVisible();
}

/** Waits until this page's changes have reached Pathway. */
export async function expectSynced(page: Page) {
  await expect(page.getByText(SYNCED)).toBeVisible();
}
