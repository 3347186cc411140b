// Steps for the app lock journeys (app-lock, lock-holds).
import { expect, type Page } from "@playwright/test";

export const EXIT = "https://www.bbc.co.uk/weather";
export const PIN = "2580";

// Stand in for the neutral site: nothing leaves this machine.
export async function fakeNeutralSite(page: Page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
  );
}

export async function openMe(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Me", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
}

export async function setPin(page: Page, pin = PIN) {
  await openMe(page);
  await page.getByRole("button", { name: "Set a PIN" }).click();
  await page.getByLabel("New PIN", { exact: true }).fill(pin);
  await page.getByLabel("Type the new PIN again").fill(pin);
  await page.getByRole("button", { name: "Save PIN" }).click();
  await expect(page.getByText("Your PIN is set.")).toBeVisible();
  await expect(page.getByText("The lock is on.")).toBeVisible();
}

export async function expectLocked(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Pathway is locked" })).toBeVisible();
  await expect(page.getByLabel("Your PIN", { exact: true })).toBeFocused();
  await expect(page).toHaveTitle("Pathway");
  // Nothing of hers is on the page, seen or hidden.
  const text = await page.evaluate(() => document.body.textContent ?? "");
  expect(text).not.toContain("Jade");
  expect(text).not.toContain("Sam Okafor");
}

export async function tryPin(page: Page, pin: string) {
  await page.getByLabel("Your PIN", { exact: true }).fill(pin);
  await page.getByRole("button", { name: "Unlock" }).click();
}

