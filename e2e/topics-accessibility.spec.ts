import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";
import { SYNCED, addTopic, tickAndSync, twoPhonesClash } from "./topics";

test("things to talk about have no accessibility violations on a phone", async ({ page, browser }) => {
  await signIn(page, "jade");
  await addTopic(page, "Help with my CV");
  await addTopic(page, "A longer one: can someone come with me to the housing office on Tuesday, because I don't know what to bring?");
  await tickAndSync(page, page.getByRole("checkbox", { name: "Done: Help with my CV" }));
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);

  // A mistake in the form is said in words, next to the field.
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Write something first.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "topics-empty-error");

  // Editing.
  await page.getByRole("button", { name: "Edit: Help with my CV" }).click();
  await expect(page.getByLabel("Change this topic")).toBeFocused();
  await expectNoAxeViolations(page);
  await screenshot(page, "topics-editing");
  await page.getByRole("button", { name: "Cancel" }).click();

  // The conflict card.
  const { one, two, second } = await twoPhonesClash(browser, {
    start: "Gym membership",
    first: "Gym membership: is there a discount?",
    second: "Gym membership: which gyms?",
  });
  await expectNoAxeViolations(second);
  await expectNoSideScroll(second);
  await one.close();
  await two.close();

  // The PA's page with the list.
  const paContext = await browser.newContext();
  const pa = await paContext.newPage();
  await signIn(pa, "pa.sam");
  await pa.getByRole("link", { name: /^Jade / }).click();
  await expect(pa.getByText("Help with my CV", { exact: true })).toBeVisible();
  await expect(pa.getByText("They ticked this off")).toBeVisible();
  await expectNoAxeViolations(pa);
  await expectNoSideScroll(pa);
  await screenshot(pa, "pa-person-topics-360");
  await paContext.close();
});

test("signing out with changes only on this phone says so first", async ({ page }) => {
  await signIn(page, "tom");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Tom" })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();
  // Pathway can't be reached (the phone thinks it has signal).
  await page.route("**/api/v1/sync/**", (route) => route.abort());
  await addTopic(page, "Bus pass");
  await addTopic(page, "Bank account");
  await addTopic(page, "Dentist");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Me", exact: true }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("3 changes are only on this phone.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out anyway" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "sign-out-unsynced");

  await page.unroute("**/api/v1/sync/**");
  await page.getByRole("button", { name: "Try to sync now" }).click();
  await expect(page.getByText("Everything is synced now. You can sign out.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).last().click();
  await expect(page).toHaveURL(/\/login$/);

  // Nothing of Tom's is left in the phone's store.
  const left = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open("pathway");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const names = Array.from(db.objectStoreNames);
    // Signing out clears the site: a database opened here now is new and empty.
    if (names.length === 0) return 0;
    const tx = db.transaction(names, "readonly");
    const counts = await Promise.all(
      names.map((n) => new Promise<number>((ok) => { const q = tx.objectStore(n).count(); q.onsuccess = () => ok(q.result); })),
    );
    db.close();
    return counts.reduce((a, b) => a + b, 0);
  });
  expect(left).toBe(0);
});
