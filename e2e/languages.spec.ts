// Pathway in Arabic and Albanian (issue 17): chosen on the sign-in page or
// on Me, right to left for Arabic, no English UI text left on her screens,
// with no signal too, "Read aloud" in her language, English one tap away on
// every screen, and no accessibility violations. The English the screens
// must not show is read from locales/ (see languages.ts, englishToFind).
import { expect, test } from "@playwright/test";
import { signIn, waitForServiceWorker } from "./support";
import {
  SCREENS,
  catalogue,
  chooseOnSignInPage,
  expectHome,
  expectNoAxeViolationsSoftly,
  expectNoEnglish,
  expectPageIn,
  fill,
  jadeSignsInIn,
  navLink,
  openFirstOfferItem,
  openScreen,
  shot,
  signInIn,
  speechCalls,
  watchSpeech,
  type Lang,
  waitForLanguageKept,
  watchCrashes,
} from "./languages";

const NAMES: Record<Lang, string> = { en: "English", ar: "Arabic", sq: "Albanian" };
const OFFER = SCREENS.find((s) => s.name === "offer")!;

// The app must not crash in any language (a panic leaves "Loading
// Pathway…" on screen, and the journey would only say a heading is missing).
let crashes: string[] = [];
test.beforeEach(({ page }) => {
  crashes = watchCrashes(page);
});
test.afterEach(() => {
  expect(crashes, `the app crashed:\n${crashes.join("\n")}`).toEqual([]);
});

for (const lang of ["ar", "sq"] as const) {
  test(`in ${NAMES[lang]}, from the sign-in page to Me: no English UI text and no accessibility violations`, async ({ page }) => {
    test.setTimeout(90_000);
    const words = catalogue(lang);

    await chooseOnSignInPage(page, lang);
    await expect(page.getByText(words["login.language.machine_translated"])).toBeVisible();
    await expectNoEnglish(page, lang, "the sign-in page");
    await expectNoAxeViolationsSoftly(page, `the sign-in page (${lang})`);
    await shot(page, lang, "sign-in");

    await signInIn(page, lang, "jade");
    await expectHome(page, lang);
    // Every screen says a computer translated it, with English one tap away.
    await expect(page.getByText(words["language.machine_translated"])).toBeVisible();
    await expect(page.getByRole("button", { name: words["language.switch_to_english"], exact: true })).toBeVisible();
    await expectNoEnglish(page, lang, "Home");
    await expectNoAxeViolationsSoftly(page, `Home (${lang})`);
    await shot(page, lang, "home");

    for (const screen of SCREENS) {
      await openScreen(page, lang, screen);
      await expectPageIn(page, lang);
      await expectNoEnglish(page, lang, screen.href);
      await expectNoAxeViolationsSoftly(page, `${screen.href} (${lang})`);
      await shot(page, lang, screen.name);
      if (screen === OFFER) {
        // An item's words are the council's (English); the page's own are not.
        await openFirstOfferItem(page);
        await expectNoEnglish(page, lang, "an offer item");
        await shot(page, lang, "offer-item");
      }
    }
  });
}

test("in Arabic with no signal, a reload still shows Home in Arabic, right to left", async ({ page, context }) => {
  const ar = catalogue("ar");
  await jadeSignsInIn(page, "ar");
  await waitForServiceWorker(page);
  await waitForLanguageKept(page, "ar");

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expectHome(page, "ar");
  await expect(page.getByText(ar["frame.banner.offline"])).toBeVisible();
  await expectNoEnglish(page, "ar", "Home with no signal");
  await shot(page, "ar", "home-offline");
  await context.setOffline(false);
});

test("Read aloud reads an offer item in Arabic with an Arabic voice, and stops when asked", async ({ page }) => {
  const ar = catalogue("ar");
  await watchSpeech(page, ["en-GB", "ar-SA"]);
  await jadeSignsInIn(page, "ar");
  await openScreen(page, "ar", OFFER);
  await openFirstOfferItem(page);

  await page.getByRole("button", { name: ar["language.read_aloud.start"], exact: true }).click();
  const stop = page.getByRole("button", { name: ar["language.read_aloud.stop"], exact: true });
  await expect(stop).toBeVisible();
  const spoken = (await speechCalls(page)).filter((c) => c.call === "speak");
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe("ar");
  expect(spoken[0].voice, "the voice chosen for it").toMatch(/^ar\b/);
  expect(spoken[0].text?.trim(), "what it reads").not.toBe("");

  const cancels = (await speechCalls(page)).filter((c) => c.call === "cancel").length;
  await stop.click();
  await expect(page.getByRole("button", { name: ar["language.read_aloud.start"], exact: true })).toBeVisible();
  expect((await speechCalls(page)).filter((c) => c.call === "cancel").length, "cancel() after Stop").toBeGreaterThan(cancels);
});

test("with no Arabic voice on the phone, Read aloud says so and reads nothing", async ({ page }) => {
  const ar = catalogue("ar");
  await watchSpeech(page, ["en-GB"]);
  await jadeSignsInIn(page, "ar");
  await openScreen(page, "ar", OFFER);
  await openFirstOfferItem(page);

  const start = page.getByRole("button", { name: ar["language.read_aloud.start"], exact: true });
  await start.click();
  await expect(page.getByRole("status").filter({ hasText: ar["language.read_aloud.no_voice"] })).toBeVisible();
  await expect(start).toBeVisible();
  expect((await speechCalls(page)).filter((c) => c.call === "speak"), "speak() with no voice for Arabic").toEqual([]);
});

test("on Arabic Home, My offer, My health and My people, the banner's English button brings English back", async ({ page }) => {
  test.setTimeout(60_000);
  const ar = catalogue("ar");
  const en = catalogue("en");
  await jadeSignsInIn(page, "ar");

  for (const [href, heading] of [
    ["/", "home.greeting"],
    ["/offer", "offer.list.heading"],
    ["/health", "health.title"],
    ["/people", "people.page.title"],
  ]) {
    await page.evaluate(() => localStorage.setItem("pathway.language", "ar"));
    await page.goto(href);
    await expectPageIn(page, "ar");
    await expect(page.getByRole("heading", { level: 1, name: fill(ar[heading], { name: "Jade" }), exact: true })).toBeVisible();

    await page.getByRole("button", { name: ar["language.switch_to_english"], exact: true }).click();
    await expectPageIn(page, "en");
    await expect(page.getByRole("heading", { level: 1, name: fill(en[heading], { name: "Jade" }), exact: true })).toBeVisible();
    await expect(page.getByText(ar["language.machine_translated"])).toHaveCount(0);
    await expect(page.getByText(en["language.machine_translated"])).toHaveCount(0);
  }

  // The choice is kept: Home opens in English again.
  await navLink(page, "/").click();
  await page.reload();
  await expectPageIn(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
});

test("in Albanian: chosen on Me, Pathway comes back in Shqip with the banner, and Home has no English UI text", async ({ page }) => {
  const sq = catalogue("sq");
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await navLink(page, "/me").click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();

  try {
    await page.getByRole("radio", { name: "Shqip" }).click();
    await expectPageIn(page, "sq");
    await expect(page.getByRole("heading", { level: 1, name: sq["me.title"], exact: true })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Shqip" })).toBeChecked();
    await expect(page.getByText(sq["language.machine_translated"])).toBeVisible();
    await expect(page.getByRole("button", { name: sq["language.switch_to_english"], exact: true })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("pathway.language"))).toBe("sq");

    await navLink(page, "/").click();
    await expectHome(page, "sq");
    await expectNoEnglish(page, "sq", "Home");
  } finally {
    // Me keeps the choice with her account too (PUT /me/language): put it
    // back, so the journeys after this one meet her in English.
    await page.request.put("/api/v1/me/language", { data: { language: "english" } });
  }
});
