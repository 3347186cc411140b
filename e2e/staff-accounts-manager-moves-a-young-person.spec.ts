import { expect, request, test } from "@playwright/test";
import { PASSPHRASE, expectNoAxeViolations, screenshot, signIn } from "./support";

// Issue 13: a manager moves a young person to another PA; the old PA no
// longer has her. Made here (a new PA, a new young person) so the demo
// people other journeys use stay where they are.
test("a manager moves a young person to another PA", async ({ page, baseURL }) => {
  const signedIn = async (username: string) => {
    const api = await request.newContext({ baseURL });
    const res = await api.post("/api/v1/auth/login", { data: { username, passphrase: PASSPHRASE } });
    expect(res.ok()).toBeTruthy();
    return api;
  };
  const sam = await signedIn("pa.sam");
  const born = `${new Date().getFullYear() - 20}-03-02`;
  const registered = await sam.post("/api/v1/caseload", {
    data: { first_name: "Kofi", last_name: "Mensah", date_of_birth: born, status: "former_relevant", circumstances: [] },
  });
  expect(registered.ok()).toBeTruthy();
  const liz = await signedIn("manager.liverpool");
  const added = await liz.post("/api/v1/council/staff", { data: { first_name: "Rita", last_name: "Lane", role: "advisor" } });
  expect(added.ok()).toBeTruthy();

  await signIn(page, "manager.liverpool");
  await expect(page).toHaveURL(/\/council$/);
  await page.getByRole("link", { name: "Young people", exact: true }).click();
  const kofi = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Kofi Mensah" }) });
  await expect(kofi).toContainText("Sam Okafor");

  await kofi.getByRole("button", { name: /^Move to another PA\W+Kofi Mensah$/ }).click();
  await kofi.getByLabel("Move to").selectOption({ label: "Rita Lane (0 young people)" });
  await kofi.getByRole("button", { name: /^Move\W+Kofi Mensah$/ }).click();
  await expect(kofi.getByRole("group")).toContainText("Kofi moves from Sam Okafor to Rita Lane.");
  await expectNoAxeViolations(page);
  await screenshot(page, "staff-accounts-move-confirm");
  await kofi.getByRole("button", { name: "Yes, move Kofi" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Kofi Mensah is now with Rita Lane." })).toBeVisible();
  await expect(kofi).toContainText("Rita Lane");

  // Sam's caseload no longer has him.
  const caseload = await (await sam.get("/api/v1/caseload")).json();
  expect(caseload.map((p: { first_name: string }) => p.first_name)).not.toContain("Kofi");
});
