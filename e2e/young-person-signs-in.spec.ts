import { expect, test } from "@playwright/test";
import { expectNoSideScroll, screenshot, signIn, watchCsp } from "./support";

test("a young person signs in and sees who their personal advisor is", async ({ page }) => {
  const refused = watchCsp(page);
  await page.goto("/");
  // Nobody is signed in: the app sends us to sign in.
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  await screenshot(page, "login");

  await signIn(page, "jade");

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  const card = page.getByRole("region", { name: "Your personal advisor" });
  await expect(card.getByText("Sam Okafor")).toBeVisible();
  const call = card.getByRole("link", { name: /^Call / });
  await expect(call).toHaveAttribute("href", /^tel:[0-9+]+$/);
  await expect(card.getByRole("link", { name: /^Email / })).toHaveAttribute("href", /^mailto:/);

  // Demo council: the data is marked as made up.
  await expect(page.getByText("Sample data").first()).toBeVisible();
  // Page titles never carry personal details.
  await expect(page).toHaveTitle("Pathway");

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoSideScroll(page);
  await screenshot(page, "home");

  await nav.getByRole("link", { name: "Me", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Me", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Jade", { exact: false }).first()).toBeVisible();
  await screenshot(page, "me");

  await nav.getByRole("link", { name: "My offer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My offer" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "For you", exact: true })).toBeVisible();
  await screenshot(page, "offer");

  await nav.getByRole("link", { name: "My people" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My people" })).toBeVisible();
  await screenshot(page, "people");

  // Deep links work: a reload on a page keeps you there.
  await page.goto("/health");
  await expect(page.getByRole("heading", { level: 1, name: "My health" })).toBeVisible();

  // Signing out ends the session: back to sign in, and home is closed.
  await page.goto("/me");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  expect(refused, "blocked by the content security policy").toEqual([]);
});

test("a wrong passphrase is explained in plain words", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("jade");
  await page.getByLabel("Passphrase", { exact: true }).fill("not-the-passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("username or passphrase is wrong");
  await expect(page.getByLabel("Passphrase", { exact: true })).toHaveValue("");
  await screenshot(page, "login-error");
});
