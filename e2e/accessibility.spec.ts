import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";

test("the sign-in page has no accessibility violations, with and without an error", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your username");
  await expectNoAxeViolations(page);
});

test("a young person's pages have no accessibility violations", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText("Sam Okafor")).toBeVisible();
  await expectNoAxeViolations(page);

  for (const [link, heading] of [
    ["My offer", "My offer"],
    ["My health", "My health"],
    ["My people", "My people"],
    ["Me", "Me"],
  ]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test("staff pages have no accessibility violations", async ({ page }) => {
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Jade / })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /^Jade / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, "manager.liverpool");
  await expect(page.getByRole("heading", { level: 1, name: /Liverpool/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("every page has exactly one main heading and a skip link that works", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.locator("h1")).toHaveCount(1);

  // A fresh load: the skip link is the first thing Tab reaches.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Moving to another page starts at that page's content, not the header.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Me", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  await expect(page.locator("main")).toBeFocused();
});

test.describe("on a small phone, or a laptop at 400% zoom (320 pixels wide)", () => {
  test.use({ viewport: { width: 320, height: 568 } });

  test("nothing scrolls sideways and the quick exit stays in reach", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSideScroll(page);

    await signIn(page, "jade");
    await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
    await expect(page.getByText("Sam Okafor")).toBeVisible();
    await expectNoSideScroll(page);
    await screenshot(page, "home-320");

    for (const link of ["My offer", "My health", "My people", "Me"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
      await expectNoSideScroll(page);
      await expect(page.getByRole("link", { name: "Quick exit" })).toBeInViewport();
    }
  });

  test("staff pages reflow too", async ({ page }) => {
    await signIn(page, "pa.sam");
    await expect(page.getByRole("link", { name: /^Jade / })).toBeVisible();
    await expectNoSideScroll(page);
    await page.getByRole("link", { name: /^Jade / }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
    await expectNoSideScroll(page);
    await screenshot(page, "person-320");
  });
});
