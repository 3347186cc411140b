import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const EXIT = "https://www.bbc.co.uk/weather";

// Stand in for the neutral site: nothing leaves this machine.
async function fakeNeutralSite(page: Page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
  );
}

test("pressing Shift three times leaves Pathway at once", async ({ page }) => {
  await fakeNeutralSite(page);
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  const historyBefore = await page.evaluate(() => history.length);

  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");

  await page.waitForURL(EXIT);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
  // The exit replaced Pathway in the history: Back won't show it.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
});

test("the Quick exit button leaves from the sign-in page too", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Quick exit" }).click();

  await page.waitForURL(EXIT);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
});

test("typing capital letters does not trigger the exit", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/login");
  await page.getByLabel("Username").focus();
  // Each capital is Shift plus a letter; a letter starts the count again.
  await page.keyboard.press("Shift+J");
  await page.keyboard.press("Shift+D");
  await page.keyboard.press("Shift");
  await expect(page.getByLabel("Username")).toHaveValue("JD");
  await expect(page).toHaveURL(/\/login$/);
});
