import { openedOnDevice } from "./vault";
import { expect, test } from "@playwright/test";
import { screenshot, screenshotHere, signIn, watchCsp } from "./support";
import { card, openMyOffer } from "./offer";

test("a student of 19 sees the university bursary under For you, with the reason, and asks her PA about it", async ({
  page,
}) => {
  const refused = watchCsp(page);
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await openMyOffer(page);

  // It's made up, and the page says so.
  await expect(page.getByText(/made-up examples .* not Liverpool's real offer/)).toBeVisible();

  const forYou = page.getByRole("region", { name: "For you", exact: true });
  const bursary = card(page, "University bursary");
  await expect(forYou.getByRole("link", { name: "University bursary", exact: true })).toBeVisible();
  await expect(bursary.getByText("Because you are 19 and in education or training.", { exact: true })).toBeVisible();
  // Categories come in the set order: money first.
  await expect(forYou.getByRole("heading", { level: 3 }).first()).toHaveText("Money");
  await screenshot(page, "offer-list");
  await screenshotHere(page, "offer-list-top");

  // What isn't for her is there on request, with the reason in words.
  await expect(page.getByRole("heading", { name: "Not for you right now" })).toHaveCount(0);
  const showAll = page.getByRole("button", { name: "Show everything" });
  await expect(showAll).toHaveAttribute("aria-expanded", "false");
  await showAll.click();
  const notForYou = page.getByRole("region", { name: "Not for you right now" });
  await expect(notForYou).toBeVisible();
  await expect(notForYou.getByText(/^This (starts at|stops at|is for)/).first()).toBeVisible();
  await page.getByRole("heading", { name: "Might be for you — ask your PA" }).scrollIntoViewIfNeeded();
  await screenshotHere(page, "offer-list-maybe");
  await page.getByRole("button", { name: "Hide what's not for you" }).click();
  await expect(notForYou).toHaveCount(0);

  // "money" finds grants, bursaries and allowances, and the count is said.
  await page.getByLabel("Search the offer").fill("money");
  await expect(page.getByRole("heading", { level: 2, name: "Search results" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ results$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "University bursary", exact: true })).toBeVisible();
  await page.getByLabel("Search the offer").fill("");
  await expect(page.getByRole("heading", { level: 2, name: "Search results" })).toHaveCount(0);

  // The item in full.
  await page.getByRole("link", { name: "University bursary", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "University bursary" })).toBeVisible();
  const why = page.getByRole("region", { name: "Why this is for you" });
  await expect(why).toContainText("Because you are 19 and in education or training.");
  await expect(page.getByRole("link", { name: /^Call / })).toHaveAttribute("href", /^tel:\+?\d+$/);
  await expect(page.getByRole("link", { name: /^Email / })).toHaveAttribute("href", /^mailto:\S+@\S+$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotHere(page, "offer-item-top");
  await expect(page.getByText(/last checked this on \d+ \w+ \d{4}\./)).toBeVisible();
  await expect(page.getByText(/made-up examples .* not Liverpool's real offer/)).toBeVisible();

  // Not sure? It goes on the list for her next meeting.
  await page.getByRole("button", { name: "Ask my PA about this" }).click();
  await expect(page.getByText("Added to Things to talk about.")).toBeVisible();
  await page.getByRole("button", { name: "Ask my PA about this" }).click();
  await expect(page.getByText("It's already in Things to talk about.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.getByText("Can we talk about: University bursary?", { exact: true })).toBeVisible();

  // An address that isn't an item says so plainly.
  await page.goto("/offer/no-such-thing");
  await expect(page.getByRole("heading", { level: 1, name: "We can't find that" })).toBeVisible();

  // The offer is kept on the phone for offline use, and signing out wipes it.
  // Kept for offline use, sealed (decision 0013): readable only with the key.
  expect(await page.evaluate(() => localStorage.getItem("pathway.offer"))).not.toContain("higher-education-bursary");
  expect((await openedOnDevice(page)).join()).toContain("higher-education-bursary");
  await expect(page.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Me", exact: true }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await page.evaluate(() => localStorage.getItem("pathway.offer"))).toBeNull();
  expect(refused).toEqual([]);
});
