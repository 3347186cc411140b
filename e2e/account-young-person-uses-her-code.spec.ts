import { expect, test } from "@playwright/test";
import { inviteYoungPerson } from "./account";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, watchCsp } from "./support";

test("a young person opens her PA's code on her phone, chooses a passphrase and lands on Home", async ({
  page,
  browser,
  baseURL,
}) => {
  const refused = watchCsp(page);
  const invite = await inviteYoungPerson(baseURL!, "Robin", "Hart");

  // Typing a code that doesn't work says so in plain words.
  await page.goto("/login");
  await page.getByRole("button", { name: "I have a code from my PA" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Use a code from your PA" })).toBeFocused();
  await page.getByLabel("Your code").fill("K7QM-4PXD");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "That code doesn't work. It may be used, out of date, or replaced by a newer one. Ask your PA for a new code.",
  );
  await expect(page.locator("#problem")).toBeFocused();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, "account-code-wrong");

  // The QR code opens the page with her code filled in.
  await page.goto(`/login?code=${invite.code}`);
  await expect(page.getByLabel("Your code")).toHaveValue(invite.code);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose your passphrase" })).toBeVisible();
  await expect(page.getByText(`Welcome to Pathway, Robin. Your username is ${invite.username}.`)).toBeVisible();
  await expect(page.getByText("At least 8 characters. A few words together is good. Not your username.")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, "account-choose-passphrase");

  // Too short, checked on the phone; too common, checked by the server.
  await page.getByLabel("Choose a passphrase").fill("kettle");
  await page.getByLabel("Type it again").fill("kettle");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Your passphrase needs at least 8 characters. Try a few words together.",
  );
  await page.getByLabel("Choose a passphrase").fill("password1");
  await page.getByLabel("Type it again").fill("password1");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Lots of people use that passphrase, so it is easy to guess. Choose something else.",
  );
  await screenshot(page, "account-passphrase-too-common");

  await page.getByLabel("Choose a passphrase").fill("blue kettle on the stairs");
  await page.getByLabel("Type it again").fill("blue kettle on the stairs");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Robin" })).toBeVisible();

  // The code is used up; her passphrase signs her in from now on (on
  // another phone here, so this one's app can't race the check).
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto(`/login?code=${invite.code}`);
  await other.getByRole("button", { name: "Next" }).click();
  await expect(other.getByRole("alert")).toContainText("That code doesn't work.");
  await other.goto("/login");
  await other.getByLabel("Username").fill(invite.username);
  await other.getByLabel("Passphrase", { exact: true }).fill("blue kettle on the stairs");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Hi, Robin" })).toBeVisible();
  await other.context().close();
  expect(refused, "blocked by the content security policy").toEqual([]);
});
