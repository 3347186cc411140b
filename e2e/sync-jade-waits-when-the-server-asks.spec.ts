import { randomUUID } from "node:crypto";
import { expect, request as newRequest, test } from "@playwright/test";
import { signIn } from "./support";
import { SYNCED, addTopic } from "./topics";

// Issue 15, item 7: over the changes a person may send in a minute, the
// server answers 429 too_many_changes with Retry-After. Her phone keeps what
// she wrote and sends nothing before that wait is over, whatever else asks
// for a sync meanwhile; then it goes.

const TOPIC = "Can I get help with my phone bill?";
const SECOND = "Ask about a railcard";
const RETRY_AFTER_S = 4;

// The service worker would hide the push from page.route.
test.use({ serviceWorkers: "block" });

test("when the server asks for a pause, Jade's phone keeps her topic and sends it after Retry-After", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  const pushes: number[] = [];
  await page.route("**/api/v1/sync/push", async (route) => {
    pushes.push(Date.now());
    if (pushes.length === 1) {
      await route.fulfill({
        status: 429,
        headers: { "retry-after": String(RETRY_AFTER_S) },
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "too_many_changes", message: "too many changes at once" } }),
      });
    } else {
      await route.continue();
    }
  });

  await addTopic(page, TOPIC);
  await expect.poll(() => pushes.length).toBe(1);
  // Everything that usually starts a sync at once: coming online, the page
  // shown again, another change. None may send before the wait is over.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
  await addTopic(page, SECOND);
  await expect(page.getByText(TOPIC, { exact: true })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible({ timeout: (RETRY_AFTER_S + 10) * 1000 });
  expect(pushes.length, "both topics went in one push after the wait").toBe(2);
  expect(pushes[1] - pushes[0]).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 100);

  // It reached Pathway once: a new device of hers gets it.
  const other = await newRequest.newContext({ baseURL });
  await other.post("/api/v1/auth/login", { data: { username: "jade", passphrase: "pathway-demo" } });
  const pull = await (await other.get(`/api/v1/sync/pull?since=0&client_id=${randomUUID()}`)).json();
  const texts = pull.changes.map((r: { fields: { text?: string } }) => r.fields.text);
  expect(texts.filter((t: string) => t === TOPIC)).toHaveLength(1);
  expect(texts.filter((t: string) => t === SECOND)).toHaveLength(1);
  await other.dispose();
});
