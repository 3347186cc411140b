import { randomUUID } from "node:crypto";
import { expect, request as newRequest, test } from "@playwright/test";
import { expectNoAxeViolations, screenshot } from "./support";
import { onNewDevice } from "./people";

const PASSPHRASE = "pathway-demo";

test("a council with more open requests than a page shows them a page at a time", async ({ browser, baseURL }) => {
  // 105 open requests from Mo in Wirral, sent through the sync API as his
  // phone would (a page holds 100). No other journey uses Mo or Wirral's
  // manager: the journeys share one server.
  const mo = await newRequest.newContext({ baseURL });
  expect((await mo.post("/api/v1/auth/login", { data: { username: "mo", passphrase: PASSPHRASE } })).ok()).toBe(true);
  const client = randomUUID();
  const now = Date.now();
  const mutations = Array.from({ length: 105 }, (_, i) => ({
    mutation_id: randomUUID(),
    client_id: client,
    seq: i + 1,
    entity: "contact_request",
    record_id: randomUUID(),
    op: "put",
    payload: { kind: "contact_me", how: "text", reach_on: "07700 900999", asked_at: now - (105 - i) * 3_600_000 },
    base_version: null,
  }));
  expect((await mo.post("/api/v1/sync/push", { data: { mutations } })).ok()).toBe(true);
  await mo.dispose();

  const manager = await onNewDevice(browser, "manager.wirral");
  const page = manager.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  const requests = page.getByRole("region", { name: "Asked to be contacted" }).getByRole("listitem");
  await expect(requests).toHaveCount(100);
  const pages = page.getByRole("navigation", { name: "Inbox pages" });
  await expect(pages.getByText("Page 1")).toBeVisible();
  await expect(pages.getByRole("button", { name: "Earlier page" })).toHaveCount(0);
  await pages.getByRole("button", { name: "Next page" }).scrollIntoViewIfNeeded();
  await screenshot(page, "council-inbox-pages-1", false);

  await pages.getByRole("button", { name: "Next page" }).click();
  await expect(pages.getByText("Page 2")).toBeVisible();
  await expect(requests).toHaveCount(5);
  await expect(pages.getByRole("button", { name: "Next page" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, "council-inbox-pages-2");
  await page.setViewportSize({ width: 360, height: 780 });
  await pages.getByRole("button", { name: "Earlier page" }).scrollIntoViewIfNeeded();
  await screenshot(page, "council-inbox-pages-2-phone", false);

  // Back to the first page, by keyboard.
  await pages.getByRole("button", { name: "Earlier page" }).focus();
  await page.keyboard.press("Enter");
  await expect(requests).toHaveCount(100);
  await manager.context.close();
});
