import { expect, test } from "@playwright/test";
import { andSync, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade } from "./health";
import { PIN, expectLocked, setPin, tryPin } from "./lock";
import { dumpStorage } from "./storage-dump";

// Issue 15, findings 1 and 2: a locked phone gives nothing away. While the
// lock is up, the server refuses her session (a typed address gets nothing),
// and what the phone keeps is sealed: reading its storage finds no health
// entry, no name.

test("a locked phone gives nothing away: not to a typed address, not to its storage", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Sickle cell trait ${Date.now()}`;
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, { kind: "Family health fact", title, extra: "Birth mother", from: "GP letter, 2021" });
  await sam.context.close();

  await jadeSignsIn(page);
  await openMyHealth(page);
  await expect(page.getByRole("link", { name: /^Family health: / })).toBeVisible();
  // Unlocked, her own pull has the entry.
  const open = await page.request.get(`/api/v1/sync/pull?since=0&client_id=${crypto.randomUUID()}`);
  expect(JSON.stringify(await open.json())).toContain(title);

  await setPin(page);
  await page.reload();
  await expectLocked(page);

  // A typed address, here and in another tab, gets 423 and nothing of hers.
  const typed = `/api/v1/sync/pull?since=0&client_id=${crypto.randomUUID()}`;
  await expect.poll(async () => (await page.request.get(typed)).status()).toBe(423);
  const refused = await page.request.get(typed);
  const body = await refused.text();
  expect(body).not.toContain(title);
  expect(body).not.toContain("Jade");
  expect((await refused.json()).error.code).toBe("locked");
  const tab = await page.context().newPage();
  await tab.goto(typed);
  const shown = (await tab.textContent("body")) ?? "";
  expect(shown).toContain("locked");
  expect(shown).not.toContain(title);
  for (const other of ["/api/v1/me", "/api/v1/people/mine", "/api/v1/me/export"]) {
    const r = await page.request.get(other);
    expect(r.status(), other).toBe(423);
    expect(await r.text(), other).not.toContain("Jade");
  }
  await tab.close();

  // The phone's storage holds no plain text of hers.
  const dump = await dumpStorage(page);
  expect(dump).toContain("pathway.vault");
  for (const plain of [title, "Birth mother", "GP letter", "Jade", "Sam Okafor"]) {
    expect(dump, `"${plain}" is readable in storage`).not.toContain(plain);
  }
  // The sealed values are hex, where any four digits turn up by chance
  // (about one run in fifteen had "2580" inside a ciphertext): the PIN
  // must not appear on its own.
  expect(dump, "the PIN is readable in storage").not.toMatch(new RegExp(`(?<![0-9a-f])${PIN}(?![0-9a-f])`));

  // The PIN opens both: the app shows her entry, her pull works again.
  await tryPin(page, PIN);
  await openMyHealth(page);
  const again = await page.request.get(typed);
  expect(again.status()).toBe(200);
  expect(JSON.stringify(await again.json())).toContain(title);
  // A change made now still syncs.
  await page.getByRole("link", { name: /^Family health: / }).click();
  await openEntry(page, title);
  const see = page.getByRole("group", { name: "Choose who can see this entry" });
  await andSync(page, () => see.getByRole("radio", { name: "Only me" }).check());
});
