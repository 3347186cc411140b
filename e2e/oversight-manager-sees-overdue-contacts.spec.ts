// Issue 14: Liverpool's manager opens "Keeping in touch" from the council
// page: the council's totals, then each PA with five figures that open to
// the names and dates behind them. Laid out as a table on a laptop and
// stacked on a phone.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";

const LAPTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const FIGURES = ["Contacts overdue", "Reviews overdue", "Not in touch for 90 days", "Requests waiting", "Unsafe alerts waiting"];

test("a manager sees each PA's overdue contacts with the names behind them", async ({ browser }) => {
  const laptop = await browser.newContext(LAPTOP);
  const page = await laptop.newPage();
  await signIn(page, "manager.liverpool");
  await page.getByRole("link", { name: "Keeping in touch" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Keeping in touch" })).toBeVisible();
  await expect(page.getByRole("region", { name: "The whole council" })).toBeVisible();

  // Sam's section: five figures, each a list that opens.
  const sam = page.getByRole("region", { name: "Sam Okafor" });
  await expect(sam).toBeVisible();
  for (const figure of FIGURES) {
    await expect(sam.locator("details").filter({ hasText: figure })).toHaveCount(1);
  }
  // The demo has someone Sam has not seen on time.
  const overdue = sam.locator("details").filter({ hasText: "Contacts overdue" });
  await overdue.locator("summary").click();
  const names = overdue.getByRole("listitem");
  await expect(names.first()).toHaveText(/^\w+ \w+, due \d+ \w+ \d{4}$/);
  await expectNoAxeViolations(page);
  await screenshot(page, "oversight-laptop");

  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoSideScroll(page);
  await expectNoAxeViolations(page);
  await screenshot(page, "oversight-phone");
  await laptop.close();
});
