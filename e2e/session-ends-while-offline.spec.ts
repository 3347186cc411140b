import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { SYNCED, addTopic } from "./topics";
import { dumpStorage } from "./storage-dump";

test("when the session has ended, changes made offline wait on the phone until the young person signs in again", async ({
  page,
  context,
}) => {
  await signIn(page, "kai");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Kai" })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();

  await context.setOffline(true);
  await addTopic(page, "Help with my council tax bill");
  await expect(page.getByText("Saved on this phone: 1 change to send")).toBeVisible();

  // The session ends while the phone is away (as if signed out elsewhere).
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/login$/);
  // She is told, and the change waits sealed (decision 0013): her words
  // are nowhere in the browser's storage as they are.
  await expect(
    page.getByText("You were signed out. 1 change you made on this phone was not sent yet. It is kept safe and locked."),
  ).toBeVisible();
  expect(await dumpStorage(page)).not.toContain("council tax");

  await signIn(page, "kai");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Kai" })).toBeVisible();
  await expect(page.getByText("Help with my council tax bill", { exact: true })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();

  // It reached Pathway: a fresh pull has it.
  const pull = await page.request.get(`/api/v1/sync/pull?since=0&client_id=${crypto.randomUUID()}`);
  expect(JSON.stringify(await pull.json())).toContain("Help with my council tax bill");
});
