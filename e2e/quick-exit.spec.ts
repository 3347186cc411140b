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

// How long an exit is given to happen before we say it didn't: many times
// what the real exit below takes (it prints its figure).
const EXIT_CHANCE_MS = 2_000;

test("typing capital letters does not leave Pathway, and three presses of Shift on the same page do", async ({
  page,
}) => {
  await fakeNeutralSite(page);
  const exits: string[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(EXIT)) exits.push(r.url());
  });
  await page.goto("/login");
  const username = page.getByLabel("Username");
  await username.focus();
  // Each capital is Shift plus a letter; a letter starts the count again.
  await page.keyboard.press("Shift+J");
  await page.keyboard.press("Shift+D");
  await page.keyboard.press("Shift");
  await expect(username).toHaveValue("JD");
  // Give the exit its chance (it may come after the key press, not with
  // it), then check nothing left and the page is still hers.
  const left = await page.waitForRequest((r) => r.url().startsWith(EXIT), { timeout: EXIT_CHANCE_MS }).then(
    () => true,
    () => false,
  );
  expect(left, `left for ${EXIT} after typing capitals`).toBe(false);
  expect(exits).toEqual([]);
  await expect(page).toHaveURL(/\/login$/);
  await expect(username).toBeVisible();
  await expect(username).toHaveValue("JD");

  // The same page is listening: a key that is not Shift starts the count
  // again, then three presses of Shift leave.
  await page.keyboard.press("Tab");
  const start = Date.now();
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.waitForURL(EXIT);
  console.log(`quick exit: three presses of Shift to the neutral site loaded: ${Date.now() - start} ms (the capitals were given ${EXIT_CHANCE_MS} ms)`);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
});
