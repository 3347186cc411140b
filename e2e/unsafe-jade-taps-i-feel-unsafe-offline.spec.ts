import { expect, test, type Route } from "@playwright/test";
import { expectNoAxeViolations, screenshot, screenshotHere, signIn, waitForServiceWorker } from "./support";
import { alertsSent, expectSynced, onNewDevice, openMyPeople, openPersonPage, startUnsafeClock, tapToNumbers } from "./people";

test("offline, \"I feel unsafe\" shows the numbers at once, and the alert reaches her PA and the duty team when she is back online", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "jade");
  await expectSynced(page);
  await waitForServiceWorker(page);
  await openMyPeople(page);

  const sent = alertsSent(page);
  await context.setOffline(true);
  await startUnsafeClock(page);
  await page.getByRole("button", { name: "I feel unsafe" }).click();
  // The numbers are there, and a screen reader is at them, while the alert
  // has not gone anywhere: nothing waits for the network.
  const panel = page.getByRole("region", { name: "I feel unsafe" });
  await expect(panel.getByRole("link", { name: "Call 999" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If you are in danger now, call 999" })).toBeFocused();
  await expect(page.getByText("You're offline. Your alert will be sent when you are back online.")).toBeVisible();
  expect(sent, "alerts that reached Pathway").toEqual([]);
  console.log(`"I feel unsafe", offline: tap to the numbers painted and focused: ${(await tapToNumbers(page)).toFixed(1)} ms`);
  await expect(panel.getByRole("link", { name: "Call 999" })).toHaveAttribute("href", "tel:999");
  await expect(panel.getByRole("link", { name: "Call Samaritans 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(panel.getByRole("link", { name: "Text SHOUT to 85258" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Call the duty team 0151 496 0190" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If you are in danger now, call 999" })).toBeFocused();
  await expect(page.getByText("You're offline. Your alert will be sent when you are back online.")).toBeVisible();
  await screenshotHere(page, "unsafe-offline");
  await expectNoAxeViolations(page);

  // Back online: the alert goes (held on its way here, while the numbers
  // stay on screen), and she is told when.
  const held: Route[] = [];
  await page.route("**/api/v1/sync/push", (route) => {
    held.push(route);
  });
  await context.setOffline(false);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(panel.getByRole("link", { name: "Call 999" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "If you are in danger now, call 999" })).toBeVisible();
  await expect(panel.getByText(/been told/)).toHaveCount(0);
  expect(sent, "alerts that reached Pathway").toEqual([]);
  await page.unroute("**/api/v1/sync/push");
  // The app may have given up on a held push already; it tries again.
  for (const route of held) await route.continue().catch(() => {});
  await expect(page.getByText(/^Your PA and the duty team have been told at \d\d:\d\d\.$/)).toBeVisible();
  expect(sent.length, "alerts that reached Pathway").toBeGreaterThan(0);
  await screenshotHere(page, "unsafe-sent");

  // Her PA sees it on her page and marks it seen.
  const pa = await onNewDevice(browser, "pa.sam");
  await openPersonPage(pa.page, "Jade");
  const alerts = pa.page.getByRole("region", { name: "Felt unsafe" });
  await expect(alerts.getByText(/^Pressed "I feel unsafe" on /)).toBeVisible();
  await screenshot(pa.page, "unsafe-pa-sees-it");
  const pushed = pa.page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await alerts.getByRole("button", { name: "Mark as seen" }).click();
  await expect(alerts.getByText(/^You saw it on /)).toBeVisible();
  await pushed;
  await pa.context.close();

  // The duty team (the Liverpool manager's inbox) sees it too.
  const manager = await onNewDevice(browser, "manager.liverpool");
  const inbox = manager.page.getByRole("region", { name: "Felt unsafe" });
  const alert = inbox.getByRole("listitem").filter({ hasText: "Jade Thompson" });
  await expect(alert.getByText(/^Pressed "I feel unsafe" on /)).toBeVisible();
  await alert.getByRole("button", { name: /^Seen/ }).click();
  await expect(alert.getByText(/^Seen( by .+)? on /)).toBeVisible();
  await manager.context.close();

  // Jade sees that both have seen it.
  await page.reload();
  await expect(page.getByText(/Your PA and the duty team have seen it\./)).toBeVisible();
});
