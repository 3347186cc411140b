import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn, waitForServiceWorker } from "./support";
import { SYNCED } from "./topics";

const HERS = "Done: Ask student support about help with a laptop";

/** Her three screens at 360 and at 320 wide, with axe and no side scroll. */
async function lookAt(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await expectNoSideScroll(page);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 320, height: 780 });
  await expectNoSideScroll(page);
  await screenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 360, height: 780 });
}

test("Jade reads what she and Sam agreed, ticks her action offline, and it reaches Pathway", async ({
  page,
  context,
  browser,
}) => {
  // Sam opens Jade's page first: "who looked at my record" should list it.
  const paContext = await browser.newContext();
  const pa = await paContext.newPage();
  await signIn(pa, "pa.sam");
  await pa.getByRole("link", { name: /^Jade / }).click();
  await expect(pa.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  // Sam ticks his own action done, through the sync API as his laptop does
  // (his screens have their own journey).
  let since = 0;
  let bursary: { id: string; version: number } | undefined;
  for (;;) {
    const r = await pa.request.get(`/api/v1/sync/pull?since=${since}&client_id=${crypto.randomUUID()}`);
    const body = await r.json();
    bursary ??= body.changes.find(
      (c: any) => c.entity === "agreed_action" && c.fields.what === "Find out when your bursary will be paid",
    );
    since = body.cursor;
    if (!body.has_more) break;
  }
  expect(bursary).toBeDefined();
  const ticked = await pa.request.post("/api/v1/sync/push", {
    data: {
      mutations: [
        {
          mutation_id: crypto.randomUUID(),
          client_id: crypto.randomUUID(),
          seq: 1,
          entity: "agreed_action",
          record_id: bursary!.id,
          op: "put",
          payload: { done: true, progress: "The bursary is paid on 5 December." },
          base_version: bursary!.version,
        },
      ],
    },
  });
  expect((await ticked.json()).results[0].result.status).toBe("applied");
  await paContext.close();

  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();
  await waitForServiceWorker(page);

  // Home: when her next catch-up is due, and her one open action.
  const catchUp = page.getByRole("region", { name: "Next catch-up with Sam" });
  await expect(catchUp.getByText(/^By \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(page.getByText("What we agreed (1 for you to do)")).toBeVisible();
  await lookAt(page, "agreed-home");

  await page.getByRole("link", { name: "What we agreed" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What we agreed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "For you to do" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: HERS })).not.toBeChecked();
  const sams = page.getByRole("listitem").filter({ hasText: "Find out when your bursary will be paid" });
  await expect(page.getByRole("heading", { name: "Sam is doing this" })).toBeVisible();
  await expect(sams.getByText("The bursary is paid on 5 December.")).toBeVisible();
  await expect(sams.getByText("Done", { exact: true })).toBeVisible();
  await expect(sams.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Housing team is doing this" })).toBeVisible();
  // The meeting, in the words Sam wrote for her.
  await expect(page.getByText(/^We met at Costa on Bold Street\./)).toBeVisible();
  await expect(page.getByText(/^In your words: I'm enjoying the course\./)).toBeVisible();
  await expect(page.getByText("Money: the bursary has not come in yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Things to talk about" })).toBeVisible();
  await lookAt(page, "agreed-page");

  // No signal: she ticks hers. It stays ticked when the page opens again.
  await context.setOffline(true);
  await page.getByRole("checkbox", { name: HERS }).check();
  await expect(page.getByText("Saved on this phone: 1 change to send")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: HERS })).toBeChecked();
  await page.getByRole("link", { name: "Home" }).first().click();
  await expect(page.getByRole("link", { name: "What we agreed" })).toBeVisible();
  await expect(page.getByText(/for you to do/)).toHaveCount(0);

  // Back online: it goes to Pathway. Her other phone gets it from there.
  const pushed = page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await context.setOffline(false);
  await pushed;
  await expect(page.getByText(SYNCED)).toBeVisible();
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signIn(phone, "jade");
  await expect(phone.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await phone.getByRole("link", { name: "What we agreed" }).click();
  await expect(phone.getByRole("checkbox", { name: HERS })).toBeChecked();
  await other.close();

  // Who looked at my record: Sam's look, in her time zone.
  await page.goto("/me");
  await page.getByRole("link", { name: "Who looked at my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who looked at my record" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: /^Sam Okafor, your PA, .+, \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/ }).first(),
  ).toBeVisible();
  await lookAt(page, "agreed-who-looked");

  // With no signal it says so, in the words every page uses.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/^You're offline, so we can't show who looked at your record yet\./)).toBeVisible();
  await context.setOffline(false);
});
