import { expect, test } from "@playwright/test";
import { expectNoSideScroll, screenshot, signIn, watchCsp } from "./support";

test("a PA signs in, sees their caseload and opens a young person's page", async ({ page }) => {
  const refused = watchCsp(page);
  await signIn(page, "pa.sam");

  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Caseload" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText("Sample data").first()).toBeVisible();
  await expectNoSideScroll(page);
  await screenshot(page, "caseload");

  await page.getByRole("link", { name: /^Jade / }).click();

  await expect(page).toHaveURL(/\/caseload\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expect(page.getByText("Age", { exact: true })).toBeVisible();
  await expect(page.getByText("19", { exact: true })).toBeVisible();
  await expect(page.getByText("Stage", { exact: true })).toBeVisible();
  await expect(page.getByText("In education or training")).toBeVisible();
  await expect(page).toHaveTitle("Pathway");
  await screenshot(page, "person");

  // A young person's page deep-links (the server answers with the app).
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();

  // Someone not on this caseload: a plain "can't find", nobody's details.
  await page.goto("/caseload/00000000-0000-0000-0000-000000000000");
  await expect(page.getByText("We can't find this young person on your caseload.")).toBeVisible();

  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(refused, "blocked by the content security policy").toEqual([]);
});

test("a manager signs in and lands on their council's figures", async ({ page }) => {
  await signIn(page, "manager.liverpool");

  await expect(page).toHaveURL(/\/council$/);
  await expect(page.getByRole("heading", { level: 1, name: /Liverpool/ })).toBeVisible();
  const figures = page.getByRole("region", { name: "Caseload oversight" }).getByRole("listitem");
  await expect(figures).toHaveText([
    /^\d+ young (person|people)$/,
    /^\d+ personal advisors?$/,
    /^\d+ young (person|people) not contacted in the last 90 days$/,
  ]);
  await expect(page.getByText("Sample data").first()).toBeVisible();
  // Managers don't get the caseload.
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/council$/);
  await screenshot(page, "council");
});
