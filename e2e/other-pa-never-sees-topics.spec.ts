import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { SYNCED, addTopic } from "./topics";

const SECRET = "Something only Sam should see";

test("a PA from another council never sees a young person's things to talk about", async ({ page, browser }) => {
  await signIn(page, "jade");
  await addTopic(page, SECRET);
  await expect(page.getByText(SYNCED)).toBeVisible();

  // Jade's page address, from her own PA's caseload.
  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  await signIn(sam, "pa.sam");
  const jadeHref = await sam.getByRole("link", { name: /^Jade / }).getAttribute("href");
  expect(jadeHref).toMatch(/^\/caseload\/[0-9a-f-]{36}$/);
  await samContext.close();

  const priyaContext = await browser.newContext();
  const priya = await priyaContext.newPage();
  await signIn(priya, "pa.priya");
  await expect(priya.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await expect(priya.getByRole("link", { name: /^Jade / })).toHaveCount(0);
  await expect(priya.getByText(SYNCED)).toBeVisible();

  // Her own young person's page has no trace of Jade's list.
  await priya.getByRole("link", { name: /^Kai / }).click();
  await expect(priya.getByRole("heading", { name: "Things to talk about" })).toBeVisible();
  await expect(priya.getByText(SECRET)).toHaveCount(0);

  // Typing Jade's address shows nothing of hers.
  await priya.goto(jadeHref!);
  await expect(priya.getByText("We can't find this young person on your caseload.")).toBeVisible();
  await expect(priya.getByText(SECRET)).toHaveCount(0);

  // And the server never sent it to her device at all.
  const pull = await priya.request.get(`/api/v1/sync/pull?since=0&client_id=${crypto.randomUUID()}`);
  expect(pull.ok()).toBe(true);
  expect(JSON.stringify(await pull.json())).not.toContain(SECRET);
  await priyaContext.close();
});
