import { expect, test } from "@playwright/test";
import { screenshot, signIn, waitForServiceWorker } from "./support";

test("a young person opens Pathway with no signal and still sees their PA", async ({ page, context }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText("Sam Okafor")).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const response = await page.reload();
  // The page came from the service worker's saved shell.
  expect(response?.fromServiceWorker()).toBe(true);

  // The frame comes from the phone, not the network.
  await expect(page.getByText("Pathway", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Quick exit" })).toBeVisible();
  // The app says it's offline, and does not send her to sign in.
  await expect(page.getByText("You're offline.")).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  // Her PA's number is saved on the phone: calling needs no data.
  await expect(page.getByRole("link", { name: /^Call / })).toHaveAttribute("href", /^tel:/);
  await screenshot(page, "home-offline");

  // A deep link offline gets the same saved shell.
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText("You're offline.")).toBeHidden();
});

test("after signing out, opening Pathway offline shows nothing personal", async ({ page, context }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await waitForServiceWorker(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Me", exact: true }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  // Signing out clears the site (Clear-Site-Data), its service worker too;
  // the sign-in page sets a fresh one up, holding nothing of hers.
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.goto("/");

  await expect(page.getByRole("heading", { level: 1, name: "We can't reach Pathway" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByText("Jade")).toHaveCount(0);
  await expect(page.getByText("Sam Okafor")).toHaveCount(0);
  await screenshot(page, "offline-nobody");
  await context.setOffline(false);
});
