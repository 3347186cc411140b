// Issue 14's journey: Sam meets Jade in a café with no signal, and what
// they agreed reaches her phone, his caseload and his manager.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, screenshot, signIn, waitForServiceWorker } from "./support";
import { expectSynced, openPersonPage } from "./people";

const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const HERS = "Bring your last three payslips";
const HIS = "Ask the housing team about the deposit";
const SUMMARY = "We looked at your money and your flat. You are doing well with your budget.";

/** A date `days` from today as the date field takes it. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** "1 Dec", as the list of who looked writes today. */
function todayShort(): string {
  return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "short" });
}

async function addAction(page: Page, what: string, who: string, by: string) {
  await page.getByRole("textbox", { name: "What needs doing" }).fill(what);
  await page.getByRole("radiogroup", { name: "Who will do it" }).getByRole("radio", { name: who, exact: true }).check();
  await page.getByLabel("By when").fill(by);
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText(what)).toBeVisible();
}

test("Sam meets Jade offline; she sees what they agreed and ticks hers; his manager sees overdue contacts; she sees who looked", async ({
  page,
  browser,
}) => {
  // Sam, on his laptop, opens Jade's page while he still has signal.
  const sam = await browser.newContext(LAPTOP);
  const pa = await sam.newPage();
  await signIn(pa, "pa.sam");
  await expect(pa.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await waitForServiceWorker(pa);
  await openPersonPage(pa, "Jade");
  await expectSynced(pa);

  // In the café: no signal. He starts the meeting.
  await sam.setOffline(true);
  await pa.getByRole("link", { name: "Start a meeting with Jade" }).click();
  await expect(pa.getByRole("heading", { level: 1, name: "Meeting with Jade" })).toBeVisible();
  const ticks = pa.getByRole("checkbox", { name: /^Talked about: / });
  expect(await ticks.count()).toBeGreaterThanOrEqual(2);
  const first = (await ticks.nth(0).getAttribute("aria-label")) ?? (await ticks.nth(0).evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  const firstTitle = first.replace(/^Talked about: /, "").trim();
  await pa.getByRole("textbox", { name: `Notes on ${firstTitle}` }).fill("Jade has a plan for this.");
  await addAction(pa, HERS, "Jade", inDays(14));
  await addAction(pa, HIS, "Me", inDays(7));
  await pa.getByRole("textbox", { name: "What we talked about" }).fill(SUMMARY);
  await expectNoAxeViolations(pa);
  await screenshot(pa, "meeting-laptop");
  await pa.getByRole("button", { name: "End meeting" }).click();
  await expect(pa.getByText("Meeting saved")).toBeVisible();
  await expect(pa.getByText(HERS)).toBeVisible();

  // Back online, the meeting reaches Pathway.
  await sam.setOffline(false);
  await expectSynced(pa);

  // Jade, on her phone, sees the summary and both actions, and ticks hers.
  await signIn(page, "jade");
  await expectSynced(page);
  await page.getByRole("link", { name: /What we agreed/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What we agreed" })).toBeVisible();
  await expect(page.getByText(SUMMARY)).toBeVisible();
  await expect(page.getByText(HIS)).toBeVisible();
  const samsGroup = page.locator("section").filter({ has: page.getByRole("heading", { name: "Sam is doing this" }) });
  await expect(samsGroup.getByText(HIS)).toBeVisible();
  const mine = page.getByRole("checkbox", { name: `Done: ${HERS}` });
  await mine.check();
  await expectSynced(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "agreed-phone");

  // Sam sees that she has done hers.
  await pa.reload();
  const hersOnHisPage = pa.getByRole("listitem").filter({ hasText: HERS });
  await expect(hersOnHisPage.getByText("Done", { exact: true })).toBeVisible();
  await screenshot(pa, "person-after-meeting");
  await sam.close();

  // His manager sees Sam's overdue contacts, with names.
  const managerContext = await browser.newContext(LAPTOP);
  const manager = await managerContext.newPage();
  await signIn(manager, "manager.liverpool");
  await manager.getByRole("link", { name: "Keeping in touch" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Keeping in touch" })).toBeVisible();
  const samsRow = manager.getByRole("region", { name: /^Sam / });
  const overdue = samsRow.locator("details").filter({ hasText: "Contacts overdue" });
  await overdue.locator("summary").click();
  await expect(overdue.getByRole("listitem").first()).toBeVisible();
  expect(await overdue.getByRole("listitem").count()).toBeGreaterThan(0);
  await expectNoAxeViolations(manager);
  await screenshot(manager, "meeting-journey-oversight");
  await managerContext.close();

  // Jade sees that Sam looked at her record today.
  await page.goto("/me");
  await page.getByRole("link", { name: "Who looked at my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who looked at my record" })).toBeVisible();
  const views = page.getByRole("listitem").filter({ hasText: /^Sam Okafor, your PA, / });
  await expect(views.filter({ hasText: todayShort() }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "who-looked");
});
