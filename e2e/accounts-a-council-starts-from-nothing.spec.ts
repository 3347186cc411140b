// Issue 13's whole account lifecycle, on a server with an empty database:
// the command line makes a council and its first manager; the manager adds
// a PA; the PA registers a young person; she signs in with her code on a
// phone; she forgets her passphrase and a reset keeps a change she made
// offline; the manager moves her to another PA; she downloads her copy and
// closes her account, and her phone is wiped.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { EmptyServer, codeIn, itemsOnDevice, recordsOnDeviceOf, redeem, setUpAuthenticator, totp } from "./accounts";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, screenshot, waitForServiceWorker } from "./support";

const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

const server = new EmptyServer(Number(process.env.E2E_EMPTY_PORT ?? 8094));

test.beforeAll(async () => {
  // Before anything: no council, so `serve` has nothing to show but the
  // sign-in page, and the command line is how a council begins.
  server.run("add-council", "--id", "wirral", "--name", "Wirral Council", "--team-phone", "0151 000 0000");
  await server.start();
});
test.afterAll(() => server.stop());

async function laptop(browser: Browser): Promise<Page> {
  return (await browser.newContext({ ...LAPTOP, baseURL: server.base })).newPage();
}

/** The code on a code card, as shown ("K7QM-4PXD"). */
async function shownCode(page: Page): Promise<string> {
  const code = page.locator(".code-card__code [aria-hidden]");
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await code.textContent())!;
}

/** A manager adds a PA and reads out their set-up code. */
async function addPa(manager: Page, first: string, last: string): Promise<string> {
  await manager.goto(`${server.base}/council`);
  await manager.getByRole("link", { name: "Staff", exact: true }).click();
  await manager.getByRole("link", { name: "Add a member of staff" }).click();
  await manager.getByLabel("First name").fill(first);
  await manager.getByLabel("Last name").fill(last);
  await manager.getByLabel("Personal advisor (PA)").check();
  await manager.getByRole("button", { name: "Add and make a set-up code" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `${first} is added` })).toBeVisible();
  await expect(manager.getByRole("img", { name: `QR code for ${first}'s set-up code` }).locator("svg")).toBeVisible();
  return shownCode(manager);
}

/** A staff member's first sign-in: their set-up code, a passphrase, then
 *  their authenticator app. */
async function staffFirstSignIn(page: Page, code: string, passphrase: string) {
  const username = await redeem(page, server.base, code, passphrase);
  const app = await setUpAuthenticator(page);
  return { username, ...app };
}

test("a council starts Pathway from nothing and a young person's account lives its whole life", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // 1. The first manager, from the command line.
  const printed = server.run("add-manager", "--council", "wirral", "--first-name", "Morgan", "--last-name", "Hale");
  const managerCode = codeIn(printed);
  const manager = await laptop(browser);
  const { secret: managerSecret } = await staffFirstSignIn(manager, managerCode, "tide clock harbour lamp");
  await expect(manager).toHaveURL(/\/council/);
  await expectNoAxeViolations(manager);

  // 2. The manager adds a PA and reads out the set-up code.
  const robinCode = await addPa(manager, "Robin", "Ash");
  await screenshot(manager, "accounts-manager-staff-code");
  await expectNoAxeViolations(manager);

  // 3. The PA signs in the same way and registers a young person.
  const robin = await laptop(browser);
  await staffFirstSignIn(robin, robinCode, "orchard velvet seventy");
  await expect(robin).toHaveURL(/\/caseload/);
  await robin.getByRole("link", { name: "Register a young person" }).click();
  await robin.getByLabel("First name").fill("Nia");
  await robin.getByLabel("Last name").fill("Park");
  await robin.getByLabel("Date of birth").fill(`${new Date().getFullYear() - 19}-03-14`);
  await robin.getByLabel(/^Former relevant/).check();
  await robin.getByRole("button", { name: "Register and make a code" }).click();
  await expect(robin.getByRole("heading", { level: 1, name: "Nia is on your caseload" })).toBeVisible();
  await expect(robin.getByRole("img", { name: "QR code for Nia's code" }).locator("svg")).toBeVisible();
  const niaCode = await shownCode(robin);
  await screenshot(robin, "accounts-pa-invite-code");
  await expectNoAxeViolations(robin);

  // 4. Nia redeems it on her phone, chooses a passphrase and sees her PA.
  const phoneContext = await browser.newContext({ ...PHONE, baseURL: server.base });
  const nia = await phoneContext.newPage();
  await redeem(nia, server.base, niaCode, "purple bicycle under rain");
  await expect(nia.getByRole("heading", { level: 1, name: "Hi, Nia" })).toBeVisible();
  await expect(nia.getByRole("heading", { name: "Things to talk about with Robin" })).toBeVisible();
  await waitForServiceWorker(nia);
  await expect(nia.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();

  // 5. Offline, she adds something to talk about; then she forgets her
  // passphrase and Robin gives her a reset code.
  await phoneContext.setOffline(true);
  const topic = "Can you help me with a bus pass?";
  await nia.getByLabel("Something to talk about").fill(topic);
  await nia.getByRole("button", { name: "Add", exact: true }).click();
  await expect(nia.getByText("Saved on this phone: 1 change to send")).toBeVisible();

  await robin.goto(`${server.base}/caseload`);
  await robin.getByRole("link", { name: /^Nia Park/ }).click();
  await robin.getByRole("link", { name: "Nia forgot their passphrase: make a new code" }).click();
  await robin.getByRole("button", { name: "Make a new code" }).click();
  const resetCode = await shownCode(robin);

  // Her session has ended meanwhile (as after months away) and she can't
  // remember her passphrase: the sign-in page and Robin's code.
  await phoneContext.clearCookies();
  await phoneContext.setOffline(false);
  // Back online, the app finds the session gone and shows the sign-in
  // page by itself, keeping what is saved on the phone.
  await nia.waitForURL(/\/login/);
  await redeem(nia, server.base, resetCode, "green kettle over stairs");
  await expect(nia.getByRole("heading", { level: 1, name: "Hi, Nia" })).toBeVisible();
  await expect(nia.getByText(topic, { exact: true })).toBeVisible();
  await expect(nia.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
  await expect(nia.getByText("Not sent yet")).toHaveCount(0);

  // Robin sees it on her page: it reached the server.
  await robin.goto(`${server.base}/caseload`);
  await robin.getByRole("link", { name: /^Nia Park/ }).click();
  await expect(robin.getByText(topic, { exact: true })).toBeVisible();
  const niaPage = robin.url();
  const niaId = niaPage.split("/").pop()!;
  await expect.poll(() => recordsOnDeviceOf(robin, niaId)).toBeGreaterThan(0);

  // 6. The manager adds a second PA, and moves Nia to her.
  const alexCode = await addPa(manager, "Alex", "Reed");
  const alex = await laptop(browser);
  await staffFirstSignIn(alex, alexCode, "marble winter kite song");
  await expect(alex.getByText("Nobody is on your caseload yet.")).toBeVisible();

  await manager.goto(`${server.base}/council`);
  await manager.getByRole("link", { name: "Young people", exact: true }).click();
  const row = manager.getByRole("listitem").filter({ has: manager.getByRole("heading", { name: "Nia Park" }) });
  await expect(row).toContainText("Robin Ash");
  await row.getByRole("button", { name: /^Move to another PA\W+Nia Park$/ }).click();
  await row.getByLabel("Move to").selectOption({ label: "Alex Reed (0 young people)" });
  await row.getByRole("button", { name: /^Move\W+Nia Park$/ }).click();
  await row.getByRole("button", { name: "Yes, move Nia" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "Nia Park is now with Alex Reed." })).toBeVisible();
  await screenshot(manager, "accounts-manager-moved");

  // Robin's browser no longer shows her, not even from what it kept.
  await robin.goto(niaPage);
  await expect(robin.getByText("We can't find this young person on your caseload.")).toBeVisible();
  await expect(robin.getByText(topic, { exact: true })).toHaveCount(0);

  await robin.goto(`${server.base}/caseload`);
  await expect(robin.getByRole("link", { name: /^Nia Park/ })).toHaveCount(0);
  await expect.poll(() => recordsOnDeviceOf(robin, niaId)).toBe(0);

  // Alex sees her, with her whole history.
  await alex.reload();
  await alex.getByRole("link", { name: /^Nia Park/ }).click();
  await expect(alex.getByText(topic, { exact: true })).toBeVisible();

  // 7. Nia downloads her copy, then closes her account; her phone wipes.
  await nia.goto(`${server.base}/me`);
  await expect(nia.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  const download = nia.waitForEvent("download");
  await nia.getByRole("link", { name: "A file for other apps (JSON)" }).click();
  const copy = readFileSync((await (await download).path())!, "utf8");
  expect(copy).toContain(topic);
  expect(copy).toContain("Robin Ash");

  expect(await itemsOnDevice(nia)).toBeGreaterThan(0);
  await nia.getByRole("button", { name: "Close my account" }).click();
  await nia.getByLabel("Type your passphrase to close your account").fill("green kettle over stairs");
  await nia.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(nia.getByText(/This account is closed/)).toBeVisible();
  await screenshot(nia, "accounts-closed");
  const saved = await nia.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pathway.")));
  expect(saved).toEqual([]);
  expect(await itemsOnDevice(nia)).toBe(0);

  // She signs in nowhere now.
  const refused = await fetch(`${server.base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "nia.p", passphrase: "green kettle over stairs" }),
  });
  expect(refused.status).toBe(401);

  // 8. A later sign-in of the manager asks for the authenticator's code.
  const again = await laptop(browser);
  await again.goto(`${server.base}/login`);
  await again.getByLabel("Username").fill("morgan.h");
  await again.getByLabel("Passphrase", { exact: true }).fill("tide clock harbour lamp");
  await again.getByRole("button", { name: "Sign in" }).click();
  await again.getByRole("textbox", { name: "Code from your authenticator app" }).fill("000000" === totp(managerSecret) ? "111111" : "000000");
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByText("That code is wrong or has been used. Check the app and try again.")).toBeVisible();
  await again.getByRole("textbox", { name: "Code from your authenticator app" }).fill(totp(managerSecret, 1));
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again).toHaveURL(/\/council/);
});
