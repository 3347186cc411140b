import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";
import { EXIT, PIN, expectLocked, fakeNeutralSite, openMe, setPin, tryPin } from "./lock";

// The app lock (docs/architecture.md §5): jade chooses a PIN on Me; from then on Pathway
// asks for it on start, after Quick exit, and shows nothing of hers behind it.

/** Wrong tries counted so far (the PIN is checked in the background). */
function wrongSoFar(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem("pathway.lock.tries") ?? "{}").wrong ?? 0);
}

test("jade sets a PIN on Me, and a reload asks for it before showing anything", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await openMe(page);
  await expect(page.getByRole("heading", { name: "Lock Pathway with a PIN" })).toBeVisible();
  await expect(page.getByText("The lock is off.")).toBeVisible();

  // Two different PINs: she is told, and nothing is set.
  await page.getByRole("button", { name: "Set a PIN" }).click();
  await expect(page.getByLabel("New PIN", { exact: true })).toBeFocused();
  await page.getByLabel("New PIN", { exact: true }).fill("2580");
  await page.getByLabel("Type the new PIN again").fill("2589");
  await page.getByRole("button", { name: "Save PIN" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The 2 PINs are not the same" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-me-pin-form");
  await page.getByRole("button", { name: "Cancel" }).click();

  await setPin(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-me-pin-on");
  // The data key is stored wrapped by the PIN's key, never the PIN.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain(PIN);
  expect(stored).toContain("pathway.vault");

  await page.reload();
  await expectLocked(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-screen");

  await tryPin(page, "1111");
  await expect(page.getByRole("alert")).toContainText("That PIN is not right. Try again.");
  await expect(page.getByLabel("Your PIN", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Your PIN", { exact: true })).toHaveValue("");
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-wrong-pin");

  await tryPin(page, PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  await expect(page.getByText("Jade", { exact: false }).first()).toBeVisible();

  // Turning the lock off asks for the PIN first.
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await page.getByLabel("Your PIN now").fill("1111");
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await expect(page.getByRole("alert")).toContainText("That is not your PIN now.");
  await page.getByLabel("Your PIN now").fill(PIN);
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await expect(page.getByText("The lock is off.", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
});

test("after Quick exit, coming back to Pathway shows the lock", async ({ page }) => {
  await fakeNeutralSite(page);
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await setPin(page);

  await page.getByRole("link", { name: "Quick exit" }).click();
  await page.waitForURL(EXIT);

  await page.goto("/");
  await expectLocked(page);
  await tryPin(page, PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
});

test("after 5 wrong tries she must wait 30 seconds, and the lock fits a small phone", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await setPin(page);
  await page.reload();
  await expectLocked(page);

  for (let i = 1; i <= 4; i++) {
    await tryPin(page, "0000");
    await expect.poll(() => wrongSoFar(page)).toBe(i);
    await expect(page.getByRole("alert")).toContainText("That PIN is not right. Try again.");
  }
  await tryPin(page, "0000");
  await expect(page.getByRole("alert")).toContainText("Wait 30 seconds before you try again.");
  await expect(page.getByText(/You can try again in \d+ seconds?\./)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-wait");

  // Even the right PIN waits, and a reload does not start the count again.
  await tryPin(page, PIN);
  await expect(page.getByRole("alert")).toContainText("Too many wrong tries. You can try again in");
  await page.reload();
  await expectLocked(page);
  await expect(page.getByText(/You can try again in \d+ seconds?\./)).toBeVisible();

  await page.setViewportSize({ width: 320, height: 568 });
  await expectNoSideScroll(page);
});

test("after 8 wrong tries she is warned, and after 10 Pathway signs out and wipes the phone", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await setPin(page);
  await page.reload();
  await expectLocked(page);

  for (let i = 1; i <= 8; i++) {
    await tryPin(page, "0000");
    await expect.poll(() => wrongSoFar(page)).toBe(i);
    await page.clock.fastForward(31_000);
  }
  await expect(page.getByRole("alert")).toContainText("2 tries left before Pathway signs you out.");
  await screenshot(page, "lock-two-left");
  await tryPin(page, "0000");
  await expect(page.getByRole("alert")).toContainText("1 try left before Pathway signs you out.");
  await screenshot(page, "lock-one-left");
  await page.clock.fastForward(31_000);
  await tryPin(page, "0000");

  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  // She is told why she is back at the start.
  await expect(page.getByRole("status").filter({ hasText: "the PIN was wrong 10 times" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "lock-signed-out");
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pathway.")));
  expect(stored).toEqual([]);
  // The session ended on the server too: a reload stays signed out.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
});

test("staff never see the lock", async ({ page }) => {
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pathway is locked" })).toHaveCount(0);
});
