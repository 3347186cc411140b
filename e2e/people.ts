// Steps for the My people, keep in touch, "I feel unsafe" and My plan
// journeys, written the way a person does them.
import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

export const SYNCED = /^Synced at \d\d:\d\d$/;

/** A young person opens My people from the bottom bar and waits until
 *  their people have loaded (so a copy is saved on the phone). */
export async function openMyPeople(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My people" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My people" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your leaving care team" })).toBeVisible();
}

/** Signs someone in on a new device (a browser context of their own). */
export async function onNewDevice(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

/** A PA opens a young person's page from their caseload. */
export async function openPersonPage(page: Page, firstName: string) {
  await page.getByRole("link", { name: new RegExp(`^${firstName} `) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${firstName} `) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pathway plan" })).toBeVisible();
}

/** Waits until this page's changes have reached Pathway. */
export async function expectSynced(page: Page) {
  await expect(page.getByText(SYNCED)).toBeVisible();
}

/** Starts a clock in the page at her next tap (its click) on "I feel
 *  unsafe"; it stops at the first frame painted with the "Call 999" link on
 *  screen and the panel's heading focused. Read it with `tapToNumbers`. */
export async function startUnsafeClock(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { unsafePainted: Promise<number> };
    w.unsafePainted = new Promise((resolve) => {
      let start: number | undefined;
      document.addEventListener(
        "click",
        (e) => {
          if ((e.target as Element).closest("button")?.textContent?.trim() === "I feel unsafe") start = performance.now();
        },
        { capture: true },
      );
      const shown = () => {
        const panel = document.querySelector('section[aria-label="I feel unsafe"]');
        const call = panel?.querySelector('a[href="tel:999"]') as HTMLElement | null | undefined;
        const heading = document.activeElement;
        return (
          !!call &&
          call.checkVisibility() &&
          heading?.tagName === "H2" &&
          heading.textContent === "If you are in danger now, call 999"
        );
      };
      const frame = () => {
        if (start !== undefined && shown()) {
          // A frame callback runs before the paint; a task queued from it, after.
          setTimeout(() => resolve(performance.now() - (start as number)), 0);
        } else {
          requestAnimationFrame(frame);
        }
      };
      requestAnimationFrame(frame);
    });
  });
}

/** The time from the tap to the numbers painted and focused, in ms (see
 *  `startUnsafeClock`). */
export async function tapToNumbers(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { unsafePainted: Promise<number> }).unsafePainted);
}

/** Collects the alerts that reached Pathway: pushes the server answered
 *  that carried an unsafe alert. */
export function alertsSent(page: Page): string[] {
  const sent: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/v1/sync/push") && r.ok()) {
      const body = r.request().postData() ?? "";
      if (body.includes("unsafe_alert")) sent.push(body);
    }
  });
  return sent;
}
