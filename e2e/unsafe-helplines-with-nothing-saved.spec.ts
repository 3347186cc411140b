import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshotHere, signIn, waitForServiceWorker } from "./support";
import { alertsSent, expectSynced, startUnsafeClock, tapToNumbers } from "./people";

test("with no signal and nothing saved about her people, My people still shows the helplines and \"I feel unsafe\" still works", async ({
  page,
  context,
}) => {
  await signIn(page, "ellie");
  await expectSynced(page);
  await waitForServiceWorker(page);
  // She has never opened My people on this phone.
  await page.evaluate(() => localStorage.removeItem("pathway.my_people"));

  const sent = alertsSent(page);
  await context.setOffline(true);
  await page.goto("/people");
  await expect(page.getByRole("heading", { level: 1, name: "My people" })).toBeVisible();
  await expect(page.getByText("You're offline, so we can't show your people yet.", { exact: false })).toBeVisible();
  const helplines = page.getByRole("region", { name: "Helplines that are always there" });
  await expect(helplines.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(helplines.getByRole("link", { name: "Call 111" })).toHaveAttribute("href", "tel:111");
  await expect(helplines.getByRole("link", { name: "Call 0800 1111" })).toHaveAttribute("href", "tel:08001111");
  // Who does what still reads, without the council's name.
  await expect(page.getByRole("heading", { name: "16 and 17: in care" })).toBeVisible();

  await startUnsafeClock(page);
  await page.getByRole("button", { name: "I feel unsafe" }).click();
  // The numbers, with a screen reader at them, while the alert has not
  // gone anywhere: nothing waits for the network or for her people.
  const panel = page.getByRole("region", { name: "I feel unsafe" });
  await expect(panel.getByRole("link", { name: "Call 999" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "If you are in danger now, call 999" })).toBeFocused();
  await expect(panel.getByText("You're offline. Your alert will be sent when you are back online.")).toBeVisible();
  expect(sent, "alerts that reached Pathway").toEqual([]);
  console.log(
    `"I feel unsafe", offline with nothing saved: tap to the numbers painted and focused: ${(await tapToNumbers(page)).toFixed(1)} ms`,
  );
  await expectNoAxeViolations(page);
  await screenshotHere(page, "unsafe-nothing-saved");

  await context.setOffline(false);
  await expect(panel.getByText(/have been told at \d\d:\d\d\.$/)).toBeVisible();
  expect(sent.length, "alerts that reached Pathway").toBeGreaterThan(0);
});
