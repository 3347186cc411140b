import { expect, test, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, waitForServiceWorker } from "./support";
import { healthMenu, jadeAdds, jadeSignsIn, openMyHealth } from "./health";
import { PIN, expectLocked, openMe, setPin, tryPin } from "./lock";

// Issue 19: her health passport travels. Jade (demo data: a severe
// penicillin allergy in her passport, and her own "only me" note, ticked
// but left out) downloads it for a doctor's computer, shares it with a
// link and a passcode, and keeps an emergency card the lock screen may show.

const ONLY_ME = "Counselling I went to in year 10";

/** axe, and no sideways scroll at 360px, at 320px (a small phone) and at
 *  640px (a laptop at 200% zoom). */
async function checkScreen(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, `passport-travels-${name}`);
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 780 });
    await expectNoSideScroll(page);
  }
  await page.setViewportSize({ width: 360, height: 780 });
}

async function openPassport(page: Page) {
  await openMyHealth(page);
  await healthMenu(page, "Passport");
  await expect(page.getByRole("heading", { level: 1, name: "Health passport" })).toBeVisible();
}

/** Jade makes a link on "Share with a doctor"; its address and passcode. */
async function makeLink(page: Page, forWhom: string) {
  await page.getByLabel("Who is it for?").fill(forWhom);
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Your link for ${forWhom} is ready` })).toBeVisible();
  const link = (await page.locator("#share-link").textContent()) ?? "";
  const passcode = (await page.locator("#share-passcode").textContent()) ?? "";
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/share\/\S+$/);
  expect(passcode).toMatch(/^\d{6}$/);
  return { link, passcode };
}

/** A doctor's own phone: no account, no Pathway. */
async function doctorsPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function typePasscode(page: Page, passcode: string) {
  await page.getByLabel(/passcode/i).fill(passcode);
  await page.getByRole("button", { name: /open|show|see/i }).click();
}

test("jade downloads her passport for a doctor's computer: valid FHIR, her allergy, never her 'only me' note", async ({
  page,
}, testInfo) => {
  await jadeSignsIn(page);
  await openPassport(page);
  await expect(page.getByText("This saves your passport as a file that a doctor's or a hospital's computer can read.", { exact: false })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download for a doctor's computer" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("health-passport.fhir.json");
  const path = join(testInfo.outputDir, "health-passport.fhir.json");
  await file.saveAs(path);
  await expect(page.getByRole("status").filter({ hasText: "Downloaded." })).toBeVisible();

  // An independent FHIR library reads it as a valid R4 Bundle (exit 0).
  execFileSync(join(__dirname, "../scripts/validate-fhir"), [path], { stdio: "pipe" });
  const text = readFileSync(path, "utf8");
  expect(JSON.parse(text).resourceType).toBe("Bundle");
  expect(text).toContain("Penicillin");
  expect(text).not.toContain(ONLY_ME);

  // With no signal she is told plainly; nothing is saved.
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Download for a doctor's computer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You're offline. Downloading the file needs signal." })).toBeVisible();
  await page.context().setOffline(false);
  await checkScreen(page, "passport");
});

test("jade shares her passport with a link and a passcode; a doctor opens it, guessing is slowed, and she ends it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await jadeSignsIn(page);
  await openPassport(page);
  await page.getByRole("link", { name: "Share with a doctor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share with a doctor" })).toBeVisible();
  await expect(page.getByText("You have no links yet.")).toBeVisible();

  // Who it is for is needed; she is told next to the box.
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByText("Write who the link is for, like \"New GP\".")).toBeVisible();
  await expect(page.getByLabel("Who is it for?")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("How long should it work?")).toHaveValue("3");
  await checkScreen(page, "share-form");

  const gp = await makeLink(page, "Dr Patel at Old Swan");
  await expect(page.getByText(/Anyone with both can see your passport until \d+ \w+ \d{4} at \d\d:\d\d\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy passcode" })).toBeVisible();
  const links = page.getByRole("region", { name: "Your links" });
  await expect(links.getByRole("listitem").filter({ hasText: "Dr Patel at Old Swan" })).toContainText("Not opened yet");
  await checkScreen(page, "share-made");

  // The doctor, with no account, opens the link and types the passcode.
  const doctor = await doctorsPhone(browser);
  await doctor.page.goto(gp.link);
  await expect(doctor.page.getByText("Penicillin")).toHaveCount(0);
  await typePasscode(doctor.page, gp.passcode);
  await expect(doctor.page.getByText("Penicillin").first()).toBeVisible();
  await expect(doctor.page.getByText(ONLY_ME)).toHaveCount(0);
  await expectNoAxeViolations(doctor.page);
  await expectNoSideScroll(doctor.page);
  await screenshot(doctor.page, "passport-travels-shared-passport");

  // On Jade's own phone, where Pathway is installed, the link is the
  // server's page too, not the app.
  await waitForServiceWorker(page);
  await page.goto(gp.link);
  await expect(page.getByLabel(/passcode/i)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Share with a doctor" })).toBeVisible();

  // Someone guessing at a second link: refused, and after 5 wrong tries
  // told to wait, the right passcode refused too while they wait.
  const second = await makeLink(page, "Walk-in centre");
  const guesser = await doctorsPhone(browser);
  await guesser.page.goto(second.link);
  const wrong = second.passcode === "000000" ? "111111" : "000000";
  const refused = guesser.page.getByText("That passcode is not right.");
  const paused = guesser.page.getByText(/too many wrong passcodes, so this link is paused\. Try again in \d+ minutes?\./);
  for (let i = 1; i <= 10; i++) {
    await typePasscode(guesser.page, wrong);
    await expect(i <= 5 ? refused : paused).toBeVisible();
    await expect(guesser.page.getByText("Penicillin")).toHaveCount(0);
  }
  await typePasscode(guesser.page, second.passcode);
  await expect(paused).toBeVisible();
  await expect(guesser.page.getByText("Penicillin")).toHaveCount(0);
  await screenshot(guesser.page, "passport-travels-shared-wait");
  await guesser.context.close();

  // Jade sees the doctor's opening in "Who looked at my record".
  await openMe(page);
  await page.getByRole("link", { name: "Who looked at my record" }).click();
  await expect(page.getByText("Dr Patel at Old Swan, someone with your share link, opened your health passport")).toBeVisible();

  // She ends the first link; it answers as if it never existed.
  await page.goto("/health/share");
  const row = links.getByRole("listitem").filter({ hasText: "Dr Patel at Old Swan" });
  await expect(row).toContainText("Opened 1 time");
  await row.getByRole("button", { name: "End this link" }).click();
  await expect(row.getByText("Nobody will be able to open it again.")).toBeVisible();
  await expectNoAxeViolations(page);
  await row.getByRole("button", { name: "Yes, end it" }).click();
  await expect(row).toContainText("Ended on");
  await expect(row.getByRole("button", { name: "End this link" })).toHaveCount(0);

  const token = new URL(gp.link).pathname.split("/").pop();
  const ended = await doctor.page.request.post(`/api/v1/shared/${token}`, { data: { passcode: gp.passcode } });
  const never = await doctor.page.request.post("/api/v1/shared/never-made-this-one", { data: { passcode: gp.passcode } });
  expect(ended.status()).toBe(404);
  expect(await ended.text()).toBe(await never.text());
  await doctor.page.goto(gp.link);
  await typePasscode(doctor.page, gp.passcode);
  await expect(doctor.page.getByText("Penicillin")).toHaveCount(0);
  const endedPage = (await doctor.page.locator("main, body").first().textContent()) ?? "";
  await doctor.page.goto(new URL("/share/never-made-this-one", gp.link).toString());
  await typePasscode(doctor.page, gp.passcode);
  expect((await doctor.page.locator("main, body").first().textContent()) ?? "").toBe(endedPage);
  await doctor.context.close();
});

test("the emergency card opens from the lock screen only after jade allows it, and shows nothing else", async ({ page }) => {
  test.setTimeout(90_000);
  await jadeSignsIn(page);
  await setPin(page);

  // Locked, not allowed: no card.
  await page.reload();
  await expectLocked(page);
  await expect(page.getByRole("button", { name: "Emergency card" })).toHaveCount(0);
  await tryPin(page, PIN);

  // The card on My health: her allergy with how bad it is, her medicine
  // with its dose, never her "only me" note; whom to call, typed here.
  await openMyHealth(page);
  await page.getByRole("link", { name: "Emergency card" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emergency card" })).toBeVisible();
  const allergies = page.getByRole("region", { name: "Allergies" });
  await expect(allergies).toContainText("Penicillin");
  await expect(allergies).toContainText("Severe allergy");
  await expect(page.getByRole("region", { name: "Medicines" })).toContainText("Dose: One tablet a day in summer");
  await expect(page.getByText(ONLY_ME)).toHaveCount(0);
  await page.getByLabel("Their name").fill("Aunt Sue");
  await page.getByLabel("Their phone number").fill("not a number");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("Write a UK phone number, like 07700 900123.")).toBeVisible();
  await page.getByLabel("Their phone number").fill("07700 900123");
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("link", { name: "Call Aunt Sue: 07700 900123" })).toHaveAttribute("href", "tel:07700900123");
  const allow = page.getByRole("checkbox", { name: "Let anyone open this card from the lock screen, without my PIN" });
  await expect(allow).not.toBeChecked();
  await checkScreen(page, "emergency-card");

  // Still not allowed: the lock screen shows no card.
  await page.reload();
  await expectLocked(page);
  await expect(page.getByRole("button", { name: "Emergency card" })).toHaveCount(0);
  await tryPin(page, PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Emergency card" })).toBeVisible();

  await page.getByRole("checkbox", { name: "Let anyone open this card from the lock screen, without my PIN" }).check();
  // A new allergy of hers reaches the lock screen's copy once she lets her
  // PA see it (her own entries start as "only me", never on the card).
  await jadeAdds(page, { kind: "Allergy", title: "Latex" });
  await page.getByRole("group", { name: "Choose who can see this entry" }).getByRole("radio", { name: "Me and my PA" }).check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("pathway.emergency_card") ?? "")).toContain("Latex");
  await page.reload();
  await expectLocked(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "passport-travels-lock-screen-card-button");
  await page.getByRole("button", { name: "Emergency card" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emergency card" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Penicillin");
  await expect(page.getByRole("region", { name: "Allergies" })).toContainText("Latex");
  await expect(page.getByRole("link", { name: "Call Aunt Sue: 07700 900123" })).toBeVisible();
  // Nothing else of the app: no menus, no name, no other entries.
  const text = await page.evaluate(() => document.body.textContent ?? "");
  for (const notShown of ["Jade", ONLY_ME, "Sam Okafor", "Things to talk about", "Passport"]) expect(text).not.toContain(notShown);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page).toHaveTitle("Pathway");
  await checkScreen(page, "lock-screen-card");
  await page.getByRole("button", { name: "Back" }).click();
  await expectLocked(page);

  // She turns it off: the plain copy is gone, and so is the button.
  await tryPin(page, PIN);
  await openMyHealth(page);
  await page.getByRole("link", { name: "Emergency card" }).click();
  await page.getByRole("checkbox", { name: "Let anyone open this card from the lock screen, without my PIN" }).uncheck();
  expect(await page.evaluate(() => localStorage.getItem("pathway.emergency_card"))).toBeNull();
  await page.reload();
  await expectLocked(page);
  await expect(page.getByRole("button", { name: "Emergency card" })).toHaveCount(0);

  // Allowed again, then signed out (from the lock screen, a forgotten PIN):
  // the plain copy goes with everything else.
  await tryPin(page, PIN);
  await openMyHealth(page);
  await page.getByRole("link", { name: "Emergency card" }).click();
  await page.getByRole("checkbox", { name: "Let anyone open this card from the lock screen, without my PIN" }).check();
  await page.reload();
  await expect(page.getByRole("button", { name: "Emergency card" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("pathway.emergency_card"))).toBeNull();
});
