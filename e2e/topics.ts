// Steps for the "things to talk about" journeys.
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

export const SYNCED = /^Synced at \d\d:\d\d$/;

/** Ticks a box and waits until that change has reached Pathway. (The box
 *  shows ticked at once, before the change is even on the phone, so the
 *  status line alone could still be the one from before.) */
export async function tickAndSync(page: Page, box: Locator) {
  const pushed = page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await box.check();
  await pushed;
  await expect(page.getByText(SYNCED)).toBeVisible();
}

export async function addTopic(page: Page, text: string) {
  await page.getByLabel("Something to talk about").fill(text);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
}

/** Jade on two phones changes the same topic's words, the second one
 *  offline; when the second comes back online it finds the conflict. */
export async function twoPhonesClash(browser: Browser, words: { start: string; first: string; second: string }) {
  const one = await browser.newContext();
  const two = await browser.newContext();
  const first = await one.newPage();
  const second = await two.newPage();

  await signIn(first, "jade");
  await addTopic(first, words.start);
  await expect(first.getByText(SYNCED)).toBeVisible();

  await signIn(second, "jade");
  await expect(second.getByText(words.start, { exact: true })).toBeVisible();
  await expect(second.getByText(SYNCED)).toBeVisible();
  await two.setOffline(true);
  await second.getByRole("button", { name: `Edit: ${words.start}` }).click();
  await second.getByLabel("Change this topic").fill(words.second);
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByText(words.second, { exact: true })).toBeVisible();

  await first.getByRole("button", { name: `Edit: ${words.start}` }).click();
  await first.getByLabel("Change this topic").fill(words.first);
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.getByText(words.first, { exact: true })).toBeVisible();
  await expect(first.getByText(SYNCED)).toBeVisible();

  await two.setOffline(false);
  await expect(second.getByRole("heading", { name: "This changed on another device" })).toBeVisible();
  return { one, two, first, second };
}
