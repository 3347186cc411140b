import { expect, test } from "@playwright/test";
import { addAdvisor, totp } from "./account";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn, watchCsp } from "./support";

test("a new PA uses their set-up code, sets up an authenticator app, and signs in with a code from it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const refused = watchCsp(page);
  const setUp = await addAdvisor(baseURL!, "Dee", "Marsh");

  await page.goto(`/login?code=${setUp.code}`);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(`Your username is ${setUp.username}.`)).toBeVisible();
  await page.getByLabel("Choose a passphrase").fill("dee marsh works here");
  await page.getByLabel("Type it again").fill("dee marsh works here");
  await page.getByRole("button", { name: "Save and sign in" }).click();

  // Real staff accounts must set it up: no skipping.
  await expect(page.getByRole("heading", { level: 1, name: "Set up your authenticator app" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  const secret = (await page.locator("#secret").textContent())!;
  expect(secret).toMatch(/^[A-Z2-7 ]{16,}$/);
  await expect(page.getByRole("button", { name: "Skip: this is a sample account" })).toBeHidden();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, "account-second-factor-set-up");

  // Before it is set up, the caseload sends them back here.
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your authenticator app" })).toBeVisible();
  // A fresh secret each time the step opens: the last one counts.
  await expect(page.locator("#secret")).toHaveText(/^[A-Z2-7 ]{16,}$/);
  const secretNow = (await page.locator("#secret").textContent())!;

  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill("000000");
  await page.getByRole("button", { name: "Turn it on" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is wrong or has been used. Check the app and try again.");
  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(totp(secretNow));
  await page.getByRole("button", { name: "Turn it on" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Save your recovery codes" })).toBeVisible();
  await expect(page.getByText("Keep these somewhere safe, away from your phone. Each works once.")).toBeVisible();
  const codes = page.locator("#recovery-codes li");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!;
  await expectNoAxeViolations(page);
  await screenshot(page, "account-recovery-codes");
  await page.getByRole("button", { name: "I've saved them, continue" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();

  // Next time: passphrase, then a code (here a recovery code, as if the
  // phone were lost).
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Username").fill(setUp.username);
  await page.getByLabel("Passphrase", { exact: true }).fill("dee marsh works here");
  await page.getByRole("button", { name: "Sign in" }).click();
  const factor = page.getByRole("textbox", { name: "Code from your authenticator app" });
  await expect(factor).toBeFocused();
  await expect(page.getByText("Lost your phone? Use one of your recovery codes.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "account-second-factor-sign-in");
  await factor.fill("123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That code is wrong or has been used. Check the app and try again.");
  await factor.fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/caseload$/);

  // Their account on Me, from the staff navigation.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Where you're signed in" }).getByRole("listitem").first()).toHaveText(
    /^This device · /,
  );
  await expect(page.getByRole("region", { name: "Close my account" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, "account-me-staff");
  expect(refused, "blocked by the content security policy").toEqual([]);
});

test("a sample PA account may skip setting up a second factor, and says why", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("pa.priya");
  await page.getByLabel("Passphrase", { exact: true }).fill("pathway-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up your authenticator app" })).toBeVisible();
  await expect(page.getByText("This is a sample account, so you can skip this. Real staff accounts can't.")).toBeVisible();
  await screenshot(page, "account-second-factor-sample");
  await page.getByRole("button", { name: "Skip: this is a sample account" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  // Signing in again offers the same skip (support.ts's signIn takes it).
  await page.context().clearCookies();
  await signIn(page, "pa.priya");
  await expect(page).toHaveURL(/\/caseload$/);
});
