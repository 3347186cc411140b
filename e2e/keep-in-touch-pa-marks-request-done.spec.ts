import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshot, signIn } from "./support";
import { expectSynced, onNewDevice, openMyPeople, openPersonPage } from "./people";

const NUMBER = "07700 900456";

test("a young person asks to be contacted, her PA marks it done on her page, and she sees who did it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "jade");
  await expectSynced(page);
  await openMyPeople(page);
  const form = page.getByRole("region", { name: "Ask to be contacted" });
  await form.getByLabel("Text message").check();
  await form.getByLabel("Your phone number").fill(NUMBER);
  await form.getByLabel(/Best time to contact you/).fill("After 4pm");
  await form.getByRole("button", { name: "Ask to be contacted" }).click();
  await expect(form.getByText("Wants to be contacted, by text message")).toBeVisible();
  await expect(form.getByText("Sent. The leaving care team will get in touch.")).toBeVisible();

  // Sam sees it on her page and marks it done once he has texted her.
  const pa = await onNewDevice(browser, "pa.sam");
  await openPersonPage(pa.page, "Jade");
  const requests = pa.page.getByRole("region", { name: "Asked to be contacted" });
  const request = requests.getByRole("listitem").filter({ hasText: `Text message: ${NUMBER}` });
  await expect(request.getByText("Wants to be contacted")).toBeVisible();
  await expect(request.getByText("Best time: After 4pm")).toBeVisible();
  await expectNoAxeViolations(pa.page);
  await requests.scrollIntoViewIfNeeded();
  await screenshot(pa.page, "keep-in-touch-pa-sees-request", false);
  const pushed = pa.page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await request.getByRole("button", { name: /^Mark as done/ }).click();
  await expect(requests.getByText("Marked as done. They will see that you did it.")).toBeVisible();
  await expect(requests.getByRole("listitem").filter({ hasText: NUMBER })).toHaveCount(0);
  await expect(requests.getByRole("heading", { name: "Asked to be contacted" })).toBeFocused();
  await pushed;
  await expectSynced(pa.page);
  await expectNoAxeViolations(pa.page);
  await requests.scrollIntoViewIfNeeded();
  await screenshot(pa.page, "keep-in-touch-pa-marked-done", false);
  // Still done after his page loads again.
  await pa.page.reload();
  await expect(pa.page.getByRole("heading", { name: "Pathway plan" })).toBeVisible();
  await expectSynced(pa.page);
  await expect(pa.page.getByText(`Text message: ${NUMBER}`)).toHaveCount(0);
  await pa.context.close();

  // Jade sees who did it, and when.
  await page.reload();
  await expect(page.getByText(/^Done by Sam Okafor on .+\.$/)).toBeVisible();
  await page.getByRole("heading", { name: "Your requests" }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 200));
  await screenshot(page, "keep-in-touch-jade-sees-done", false);
});
