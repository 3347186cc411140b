// Steps for the "My health" journeys.
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";
import { SYNCED } from "./topics";

export type NewEntry = {
  kind: string; // the option's words: "Jab", "Allergy", "Family health fact"…
  title: string;
  date?: string; // YYYY-MM-DD
  from?: string;
  severity?: string; // "Severe (can be dangerous)"
  extra?: string; // dose, phone or who in the family
  details?: string;
};

/** Waits until a change made by `act` has reached Pathway. */
export async function andSync(page: Page, act: () => Promise<void>) {
  const pushed = page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await act();
  await pushed;
  await expect(page.getByText(SYNCED)).toBeVisible();
}

/** Sam, Jade's PA, signed in on his own laptop with Jade's page open. */
export async function samOpensJade(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, isMobile: false, hasTouch: false });
  const page = await context.newPage();
  await signIn(page, "pa.sam");
  await page.getByRole("link", { name: /^Jade / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();
  return { context, page, health: theirHealth(page) };
}

export function theirHealth(page: Page): Locator {
  return page.getByRole("region", { name: "Their health" });
}

/** The PA fills in "Record a health entry" and waits until it is synced. */
export async function paRecords(page: Page, e: NewEntry) {
  const form = theirHealth(page);
  await form.getByLabel("What kind of thing is it?").selectOption({ label: e.kind });
  await form.getByLabel("Title").fill(e.title);
  if (e.date) await form.getByLabel("Date (if you know it)").fill(e.date);
  if (e.severity) await form.getByLabel("How bad is it?").selectOption({ label: e.severity });
  if (e.extra) await form.getByLabel(/^(How much|Phone number|Who in the family)/).fill(e.extra);
  if (e.details) await form.getByLabel("More details (if you want)").fill(e.details);
  if (e.from) await form.getByLabel("From what").fill(e.from);
  await andSync(page, () => form.getByRole("button", { name: "Save", exact: true }).click());
  await expect(form.getByRole("listitem").filter({ hasText: e.title }).first()).toBeVisible();
}

/** Jade, signed in on her phone, with everything synced. */
export async function jadeSignsIn(page: Page) {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText(SYNCED)).toBeVisible();
}

/** From anywhere in the young person's app: the bottom bar's "My health". */
export async function openMyHealth(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My health", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My health" })).toBeVisible();
}

/** Opens an entry from the page it is listed on. */
export async function openEntry(page: Page, title: string) {
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Goes to a health screen by its link in the "My health" menu. */
export async function healthMenu(page: Page, name: string) {
  await page.getByRole("navigation", { name: "My health" }).getByRole("link", { name, exact: true }).click();
}

/** The words in a PDF, page by page, joined. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return parts.join("\n");
}

/** The young person adds an entry of her own from "Add" in the My health
 *  menu, and it opens. */
export async function jadeAdds(page: Page, e: NewEntry) {
  await healthMenu(page, "Add");
  await page.getByLabel("What kind of thing is it?").selectOption({ label: e.kind });
  await page.getByLabel("Title").fill(e.title);
  if (e.date) await page.getByLabel("Date (if you know it)").fill(e.date);
  if (e.details) await page.getByLabel("More details (if you want)").fill(e.details);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: e.title })).toBeVisible();
}
