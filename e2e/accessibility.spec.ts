import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";
import { jadeAdds } from "./health";

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

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signing out loads the sign-in page: let it arrive before going there.
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  await signIn(page, "manager.liverpool");
  await expect(page.getByRole("heading", { level: 1, name: /Liverpool/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** Counts the main headings once the page has finished loading what it
 *  shows (a retrying count could pass on a moment when there is one). */
async function expectOneMainHeading(page: Page, where: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  const names = await page.getByRole("heading", { level: 1 }).allTextContents();
  expect(names, `main headings on ${where}`).toHaveLength(1);
}

/** Follows the first link on the page that goes under `prefix`, and gives
 *  back its words. */
async function followFirst(page: Page, prefix: string): Promise<string> {
  const link = page.getByRole("main").locator(`a[href^="${prefix}"]`).first();
  const words = (await link.textContent())?.trim() ?? "";
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${prefix}[^/]+$`));
  return words;
}

test("on every page a young person can open, a screen reader finds exactly one main heading", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText("Sam Okafor")).toBeVisible();
  await expectOneMainHeading(page, "/");

  for (const [path, heading] of [
    ["/offer", "My offer"],
    ["/health", "My health"],
    ["/health/timeline", "Timeline"],
    ["/health/add", "Add to my health"],
    ["/health/glossary", "Words explained"],
    ["/health/passport", "Health passport"],
    ["/health/share", "Share with a doctor"],
    ["/health/emergency", "Emergency card"],
    ["/people", "My people"],
    ["/plan", "My plan"],
    ["/me", "Me"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectOneMainHeading(page, path);
  }

  // An offer item, a kind of health entry and an entry, as she reaches them.
  await page.goto("/offer");
  await expect(page.getByRole("heading", { level: 2, name: "For you", exact: true })).toBeVisible();
  const item = await followFirst(page, "/offer/");
  await expect(page.getByRole("heading", { level: 1, name: item })).toBeVisible();
  await expectOneMainHeading(page, `the offer item "${item}"`);

  // Her health history starts empty here: she adds a note of her own, which
  // opens it.
  await page.goto("/health");
  await expect(page.getByRole("heading", { level: 1, name: "My health" })).toBeVisible();
  await jadeAdds(page, { kind: "Note", title: "Ask about my eyes" });
  await expectOneMainHeading(page, "a health entry, just added");

  await page.goto("/health");
  await expect(page.getByRole("heading", { level: 1, name: "My health" })).toBeVisible();
  const kind = await followFirst(page, "/health/kind/");
  await expectOneMainHeading(page, `the health page for "${kind}"`);

  await page.goto("/health/timeline");
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
  const entry = await followFirst(page, "/health/entry/");
  await expect(page.getByRole("heading", { level: 1, name: entry })).toBeVisible();
  await expectOneMainHeading(page, `the health entry "${entry}"`);
});

test("on every staff page, a screen reader finds exactly one main heading", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Jade / })).toBeVisible();
  await expectOneMainHeading(page, "/caseload");

  await page.getByRole("link", { name: /^Jade / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pathway plan" })).toBeVisible();
  await expectOneMainHeading(page, "a young person's page");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signing out loads the sign-in page: let it arrive before going there.
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  await signIn(page, "manager.liverpool");
  await expect(page.getByRole("heading", { level: 1, name: /Liverpool/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Caseload oversight" })).toBeVisible();
  await expectOneMainHeading(page, "/council");
});

test("the skip link takes her past the header, and a new page starts at its content", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();

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

test("the bottom bar marks the page she is on, and only that one", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  const marked = nav.locator('[aria-current="page"]');
  // The bar's places, as she sees them.
  await expect(nav.getByRole("link")).toHaveText(["Home", "My offer", "My health", "My people", "Me"]);
  await expect(marked).toHaveText(["Home"]);

  for (const [link, heading] of [
    ["My offer", "My offer"],
    ["My health", "My health"],
    ["My people", "My people"],
    ["Me", "Me"],
    ["Home", "Hi, Jade"],
  ]) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(marked, `marked in the bar on "${heading}"`).toHaveText([link]);
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "page");
  }

  // A page inside one of them, opened straight from a link or the address:
  // the bar still marks where it belongs.
  for (const [path, link] of [
    ["/health/timeline", "My health"],
    ["/offer", "My offer"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(marked, `marked in the bar on ${path}`).toHaveText([link]);
  }
  await followFirst(page, "/offer/");
  await expect(marked, "marked in the bar on an offer item").toHaveText(["My offer"]);
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
