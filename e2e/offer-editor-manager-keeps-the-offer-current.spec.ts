// Issue 16: Knowsley's manager keeps the local offer current in the app.
// She changes an amount (to "up to"), adds an item for young parents and
// retires one that Kai tracks, previews the offer as a 20-year-old young
// parent, and publishes. Kai then sees the new item "for you", the new
// amount, and the retired item kept in her tracker with her note. The
// export still validates against the ORUK schema; the history lists the
// three changes.
import { expect, test, type Page } from "@playwright/test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { card, openMyOffer } from "./offer";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";

const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const PHONE = { viewport: { width: 360, height: 780 } };
const NEW_ITEM = "Young parents drop-in";

/** Both widths: no axe violation, nothing scrolls sideways on the phone. */
async function checkBothWidths(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await screenshot(page, `${name}-laptop`);
  await page.setViewportSize(PHONE.viewport);
  await expectNoSideScroll(page);
  await expectNoAxeViolations(page);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(LAPTOP.viewport);
}

test("a manager changes, adds and retires items, previews and publishes, and Kai sees it", async ({ browser }) => {
  test.setTimeout(120_000);
  // Kai tracks the leisure pass first, with a note.
  const phone = await browser.newContext(PHONE);
  const kai = await phone.newPage();
  await signIn(kai, "kai");
  await expect(kai.getByRole("heading", { level: 1, name: /^Hi, Kai/ })).toBeVisible();
  await openMyOffer(kai);
  await kai.goto("/offer/leisure-pass");
  const tracker = kai.getByRole("region", { name: "My tracker" });
  await tracker.getByRole("radio", { name: "Asked", exact: true }).check();
  await tracker.getByLabel("Note (if you want one)").fill("Asked at the gym desk");
  await tracker.getByRole("button", { name: "Save" }).click();
  await expect(tracker.getByText("Saved and synced.")).toBeVisible({ timeout: 15_000 });

  const laptop = await browser.newContext(LAPTOP);
  const page = await laptop.newPage();
  await signIn(page, "manager.knowsley");
  await page.getByRole("link", { name: "Your local offer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Knowsley's local offer" })).toBeVisible();
  await expect(page.getByText("Everything here is published")).toBeVisible();
  await checkBothWidths(page, "offer-editor");
  // The published offer as it is now, to put back at the end (the other
  // journeys share this demo database).
  const original = await download(page);

  // A file that is not ORUK changes nothing, and says why.
  await page.getByLabel("The ORUK file").setInputFiles({
    name: "not-oruk.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was changed." })).toContainText(
    "send a list of services",
  );
  await expect(page.getByText("Everything here is published")).toBeVisible();

  // 1. The driving lessons' amount: at most £750.
  await page.getByRole("link", { name: "Change Help to learn to drive" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change: Help to learn to drive" })).toBeVisible();
  await page.getByLabel("Pounds").fill("750");
  await page.getByLabel('This is the most anyone gets (shown as "up to")').check();
  await page.getByRole("button", { name: "Save to the draft" }).click();
  await expect(page.getByText("Changed: amount")).toBeVisible();
  await expect(page.getByText("1 change not published yet.")).toBeVisible();

  // 2. A new item for young parents. Saved empty first: every problem is named.
  await page.getByRole("link", { name: "Add an item" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an item" })).toBeVisible();
  await page.getByRole("button", { name: "Save to the draft" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Check this before saving" });
  await expect(summary).toContainText("Enter a title of up to 120 characters.");
  await expect(summary).toContainText("Choose a category.");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  // The problems take focus, so a screen reader reads them first.
  await expect(summary).toBeFocused();
  await checkBothWidths(page, "offer-editor-item-problems");
  await page.getByLabel("Title").fill(NEW_ITEM);
  await page.getByLabel("Category").selectOption({ label: "Family, friends and relationships" });
  // The reading grade follows what she types.
  await page.getByLabel("Summary").fill(
    "Eligible individuals may access facilitated peer-support opportunities in conjunction with children's centre professionals.",
  );
  await expect(page.getByText(/Reading grade [\d.]+: too hard/)).toBeVisible();
  await page.getByLabel("Summary").fill("Meet other young parents. Bring your baby.");
  await expect(page.getByText(/Reading grade -?[\d.]+: easy enough/)).toBeVisible();
  await page.getByLabel("How to claim").fill("Just come along, or ask your PA to come with you.");
  await page.getByLabel("Young parent", { exact: true }).check();
  await page.getByLabel("Phone").fill("0151 443 2000");
  await page.getByLabel("Source").fill("Knowsley family hub leaflet, November 2026");
  await page.getByRole("button", { name: "Save to the draft" }).click();
  const added = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: NEW_ITEM }) });
  await expect(added.getByText("New", { exact: true })).toBeVisible();

  // 3. The leisure pass is retired.
  await page.getByRole("button", { name: "Retire Free leisure pass" }).click();
  await expect(page.getByText("Will be retired")).toBeVisible();
  await expect(page.getByText("3 changes not published yet.")).toBeVisible();
  await checkBothWidths(page, "offer-editor-draft");

  // Preview as a 20-year-old young parent: the new item is for her, with the changes only.
  await page.getByRole("link", { name: "See it as a young person would" }).click();
  await page.getByLabel("Age").fill("20");
  await page.getByRole("radio", { name: "Former relevant (care leaver, 18 to 25)" }).check();
  await page.getByLabel("Young parent", { exact: true }).check();
  const forYou = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: /^For you/ }) });
  await expect(forYou.getByRole("heading", { name: NEW_ITEM })).toBeVisible();
  await expect(forYou.getByText("up to £750 one-off")).toBeVisible();
  await checkBothWidths(page, "offer-editor-preview");
  await page.getByRole("radio", { name: "As published now" }).check();
  await expect(page.getByRole("heading", { name: NEW_ITEM })).toHaveCount(0);
  await expect(forYou.getByRole("heading", { name: "Free leisure pass" })).toBeVisible();

  // Publish, after being asked.
  await page.getByRole("link", { name: "Back to the offer" }).click();
  await page.getByRole("button", { name: "Publish changes" }).click();
  await page.getByRole("button", { name: "Yes, publish" }).click();
  const done = page.getByRole("status").filter({ hasText: "Published." });
  await expect(done).toContainText(`${NEW_ITEM}: new`);
  await expect(done).toContainText("Help to learn to drive: changed amount");
  await expect(done).toContainText("Free leisure pass: retired");
  await expect(page.getByText("Everything here is published")).toBeVisible();

  // The history lists the three changes, by her.
  await page.getByRole("link", { name: "History of changes" }).click();
  const lines = page.getByRole("listitem");
  await expect(lines.filter({ hasText: `${NEW_ITEM}: Added` })).toHaveCount(1);
  await expect(lines.filter({ hasText: "Help to learn to drive: Changed amount" })).toHaveCount(1);
  await expect(lines.filter({ hasText: "Free leisure pass: Retired" })).toHaveCount(1);
  await checkBothWidths(page, "offer-editor-history");

  // The published offer downloads as ORUK and validates against the schema.
  await page.getByRole("link", { name: "Back to the offer" }).click();
  const services = JSON.parse(await download(page));
  const schema = JSON.parse(readFileSync(join(__dirname, "..", "data", "oruk", "service.json"), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const valid = ajv.compile(schema);
  for (const service of services) {
    expect(valid(service), `${service.name}: ${JSON.stringify(valid.errors)}`).toBe(true);
  }
  expect(services.map((s: { name: string }) => s.name)).toContain(NEW_ITEM);
  expect(services.map((s: { name: string }) => s.name)).not.toContain("Free leisure pass");

  // Kai: the new item is for her, the new amount shows, and the retired
  // item is kept with her tracker and note.
  await kai.goto("/");
  await openMyOffer(kai);
  const kaiForYou = kai.locator("section").filter({ has: kai.getByRole("heading", { level: 2, name: "For you", exact: true }) });
  await expect(card(kai, NEW_ITEM)).toBeVisible();
  await expect(kaiForYou.getByRole("link", { name: NEW_ITEM })).toBeVisible();
  await expect(card(kai, "Help to learn to drive").getByText("up to £750 one-off")).toBeVisible();
  const gone = kai.locator("section").filter({ has: kai.getByRole("heading", { level: 2, name: "No longer offered" }) });
  const leisure = gone.getByRole("listitem").filter({ has: kai.getByRole("link", { name: "Free leisure pass" }) });
  await expect(leisure).toContainText("Your council no longer offers this.");
  await expect(leisure).toContainText("Your tracker: Asked");
  await expectNoAxeViolations(kai);
  await expectNoSideScroll(kai);
  await screenshot(kai, "offer-kai-after-publish");
  await leisure.getByRole("link", { name: "Free leisure pass" }).click();
  await expect(kai.getByText("Your council no longer offers this. What you wrote in your tracker is kept below.")).toBeVisible();
  await expect(kai.getByRole("region", { name: "My tracker" }).getByLabel("Note (if you want one)")).toHaveValue(
    "Asked at the gym desk",
  );
  await expectNoAxeViolations(kai);
  await screenshot(kai, "offer-kai-retired-item");
  await phone.close();

  // Putting the first file back: the upload says what it would change, and
  // publishing it brings the offer back as it was.
  await page.getByLabel("The ORUK file").setInputFiles({
    name: "knowsley-offer-oruk.json",
    mimeType: "application/json",
    buffer: Buffer.from(original),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  const preview = page.getByRole("status").filter({ hasText: "The file is now your draft" });
  await expect(preview).toContainText("1 added, 1 changed, 1 retired");
  await expect(preview).toContainText("Free leisure pass: new");
  await expect(preview).toContainText(`${NEW_ITEM}: retired`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await page.getByRole("button", { name: "Yes, publish" }).click();
  await expect(page.getByText("Everything here is published")).toBeVisible();
  expect(JSON.parse(await download(page))).toEqual(JSON.parse(original));
  await laptop.close();
});

/** The published offer, as the editor's download link gives it. */
async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the published offer (ORUK file)" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("knowsley-offer-oruk.json");
  return readFileSync(await file.path(), "utf8");
}
