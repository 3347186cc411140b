import { expect, test } from "@playwright/test";
import { SYNCED } from "./topics";
import { andSync, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade, theirHealth } from "./health";

const TITLE = "Heart disease";

test("a young person marks a family health fact 'only me' and her PA can no longer see it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, { kind: "Family health fact", title: TITLE, extra: "Birth father", from: "Social worker's notes, 2019" });

  await jadeSignsIn(page);
  await openMyHealth(page);
  // Her demo history has one family health fact already (asthma).
  await page.getByRole("link", { name: "Family health: 2 entries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Family health" })).toBeVisible();
  await openEntry(page, TITLE);
  const see = page.getByRole("group", { name: "Choose who can see this entry" });
  await expect(see.getByRole("radio", { name: "Me and my PA" })).toBeChecked();
  await andSync(page, () => see.getByRole("radio", { name: "Only me" }).check());
  await expect(page.getByText("Saved. Your PA won't see this once your phone has synced.")).toBeVisible();
  // Still hers.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Only me" })).toBeChecked();

  // Sam's laptop syncs again: the entry leaves it.
  await sam.page.reload();
  await expect(sam.page.getByText(SYNCED)).toBeVisible();
  await expect(theirHealth(sam.page)).toBeVisible();
  await expect(theirHealth(sam.page).getByText(TITLE)).toHaveCount(0);
  // And the server sends it to no device of his, from the start.
  const pull = await sam.page.request.get(`/api/v1/sync/pull?since=0&client_id=${crypto.randomUUID()}`);
  expect(pull.ok()).toBe(true);
  expect(JSON.stringify(await pull.json())).not.toContain(TITLE);
  await sam.context.close();
});
