import { expect, test } from "@playwright/test";
import { keptOnPhone, youngPersonWithPassphrase } from "./account";
import { expectNoAxeViolations, expectNoSideScroll, screenshot } from "./support";

async function signInAs(page: import("@playwright/test").Page, username: string, passphrase: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("on Me she sees where she's signed in, signs out another device, and changes her passphrase", async ({
  page,
  baseURL,
}) => {
  const { username, elsewhere } = await youngPersonWithPassphrase(baseURL!, "Ash", "Moss", "first passphrase here");
  await signInAs(page, username, "first passphrase here");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Ash" })).toBeVisible();

  await page.goto("/me");
  await expect(page.getByText(`Username${username}`)).toBeVisible();
  const sessions = page.getByRole("region", { name: "Where you're signed in" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toHaveText(/^This phone · /);
  await expect(sessions.nth(1)).toContainText("last used just now");
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, "account-me");

  // Signing out the other one ends that session.
  await sessions.nth(1).getByRole("button", { name: /^Sign out / }).click();
  await expect(sessions).toHaveCount(1);
  expect((await elsewhere.get("/api/v1/me")).status()).toBe(401);

  const form = page.getByRole("region", { name: "Change your passphrase" });
  await form.getByLabel("Passphrase you use now").fill("not my passphrase");
  await form.getByLabel("New passphrase", { exact: true }).fill("a second passphrase");
  await form.getByLabel("New passphrase again").fill("a second passphrase");
  await form.getByRole("button", { name: "Change passphrase" }).click();
  await expect(form.getByRole("alert")).toHaveText("That is not the passphrase you use now. Try again.");
  await screenshot(page, "account-me-passphrase-wrong");

  await form.getByLabel("Passphrase you use now").fill("first passphrase here");
  await form.getByLabel("New passphrase", { exact: true }).fill("a second passphrase");
  await form.getByLabel("New passphrase again").fill("a second passphrase");
  await form.getByRole("button", { name: "Change passphrase" }).click();
  await expect(form.getByRole("status")).toHaveText("Your passphrase is changed. You are signed out everywhere else.");
  await expectNoAxeViolations(page);

  // Still signed in here; the new passphrase works, the old one doesn't.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  // Off the app first: an app still open would find its session gone with
  // the cookie and go to the sign-in page itself, cutting off our own visit.
  await page.goto("about:blank");
  await page.context().clearCookies();
  await signInAs(page, username, "first passphrase here");
  await expect(page.getByRole("alert")).toContainText("Your username or passphrase is wrong.");
  await signInAs(page, username, "a second passphrase");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Ash" })).toBeVisible();
  await elsewhere.dispose();
});

test("she closes her account on Me: the phone is wiped and the sign-in page says so", async ({ page, baseURL }) => {
  const { username, elsewhere } = await youngPersonWithPassphrase(baseURL!, "Bea", "Lind", "bea passphrase one");
  await elsewhere.dispose();
  await signInAs(page, username, "bea passphrase one");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Bea" })).toBeVisible();
  await page.goto("/me");

  const copy = page.getByRole("region", { name: "Download my copy" });
  await expect(copy.getByRole("link", { name: "A page to print or save as a PDF" })).toHaveAttribute(
    "href",
    "/api/v1/me/export/page",
  );
  const exported = await page.request.get("/api/v1/me/export");
  expect(exported.status()).toBe(200);

  const close = page.getByRole("region", { name: "Close my account" });
  await close.getByRole("button", { name: "Close my account" }).click();
  await close.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(close.getByRole("alert")).toHaveText("Enter your passphrase.");
  await close.getByLabel("Type your passphrase to close your account").fill("not hers");
  await close.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(close.getByRole("alert")).toHaveText("That is not your passphrase. Try again.");
  await expectNoAxeViolations(page);
  await screenshot(page, "account-me-close");

  await close.getByLabel("Type your passphrase to close your account").fill("bea passphrase one");
  await close.getByRole("button", { name: "Yes, close my account" }).click();
  await expect(page).toHaveURL(/\/login\?why=closed$/);
  await expect(page.getByText("This account is closed. Everything Pathway kept on this phone has been removed.")).toBeVisible();
  expect(await keptOnPhone(page)).toEqual({ keys: [], records: 0 });
  await expectNoAxeViolations(page);
  await screenshot(page, "account-closed");

  // Closed for good: her passphrase no longer signs in.
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Passphrase", { exact: true }).fill("bea passphrase one");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Your username or passphrase is wrong.");
});

test("an account closed on another device wipes this phone the next time it asks Pathway anything", async ({
  page,
  baseURL,
}) => {
  const { username, elsewhere } = await youngPersonWithPassphrase(baseURL!, "Cal", "Reed", "cal passphrase one");
  await signInAs(page, username, "cal passphrase one");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Cal" })).toBeVisible();
  await page.getByRole("link", { name: "Me", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Me" })).toBeVisible();
  expect((await keptOnPhone(page)).keys).toContain("pathway.me");

  const closed = await elsewhere.post("/api/v1/me/close", { data: { passphrase: "cal passphrase one" } });
  expect(closed.status()).toBe(204);
  await elsewhere.dispose();

  // Coming back online, the app asks who is signed in: the answer is
  // account_closed.
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await expect(page).toHaveURL(/\/login\?why=closed$/);
  await expect(page.getByText("This account is closed.")).toBeVisible();
  expect(await keptOnPhone(page)).toEqual({ keys: [], records: 0 });
});
