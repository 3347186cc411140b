import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshot, signIn, waitForServiceWorker } from "./support";
import { expectSynced, onNewDevice, openPersonPage } from "./people";

const GOAL = "Move into a shared flat near campus by September, with a deposit from the setting-up-home grant.";
const COMMENT = "I'd like to live with my friend Mia if we can.";
const REPLY = "Good idea. Bring Mia's details to our next meeting.";

test("a PA updates a plan goal; the young person sees it offline and comments; the PA sees the comment and replies", async ({
  page,
  context,
  browser,
}) => {
  // Sam updates the "Where I live" goal on Jade's page.
  const pa = await onNewDevice(browser, "pa.sam");
  await openPersonPage(pa.page, "Jade");
  const home = pa.page.getByRole("region", { name: "Where I live" });
  await home.getByRole("button", { name: "Change where I live" }).click();
  await home.getByLabel("Goals").fill(GOAL);
  await home.getByLabel("By when").fill("2027-09-01");
  const pushed = pa.page.waitForResponse((r) => r.url().includes("/api/v1/sync/push") && r.ok());
  await home.getByRole("button", { name: "Save", exact: true }).click();
  await expect(home.getByText(GOAL, { exact: true })).toBeVisible();
  await pushed;
  await expectSynced(pa.page);
  await pa.page.getByLabel("Next review date").fill("2027-03-01");
  await pa.page.getByRole("button", { name: "Save review date" }).click();
  await expect(pa.page.getByText("Next review: 1 March 2027")).toBeVisible();
  await expectSynced(pa.page);

  // Jade opens her plan from Home, then loses signal.
  await signIn(page, "jade");
  await expectSynced(page);
  await waitForServiceWorker(page);
  await page.getByRole("link", { name: "My plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My plan" })).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  const where = page.getByRole("region", { name: "Where I live" });
  await expect(where.getByText(GOAL, { exact: true })).toBeVisible();
  await expect(where.getByText("1 September 2027")).toBeVisible();
  await expect(page.getByText("Your next review is on 1 March 2027.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "plan-offline");

  // Offline, she comments on it and asks for a review.
  await where.getByText("Comment on where I live", { exact: true }).click();
  await where.getByLabel("Your comment on where I live").fill(COMMENT);
  await where.getByRole("button", { name: "Send comment" }).click();
  await expect(where.getByText(COMMENT, { exact: true })).toBeVisible();
  await expect(where.getByText("Saved on this phone. It will be sent when you are back online.")).toBeVisible();
  await page.getByRole("button", { name: "Ask for a review" }).click();
  await page.getByLabel(/Why do you want a review/).fill("I'm moving in September.");
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByText(/You asked for a review on .+ It is saved on this phone/)).toBeVisible();
  // One request at a time: the button comes back once Sam has answered.
  await expect(page.getByRole("button", { name: "Ask for a review" })).toHaveCount(0);
  await screenshot(page, "plan-comment-offline");

  await context.setOffline(false);
  await expectSynced(page);
  await expect(where.getByText("Saved on this phone. It will be sent when you are back online.")).toHaveCount(0);

  // Sam sees her comment and the request, and answers both.
  await pa.page.reload();
  const paHome = pa.page.getByRole("region", { name: "Where I live" });
  await expect(paHome.getByText(COMMENT, { exact: true })).toBeVisible();
  await expect(pa.page.getByText("They asked for a review")).toBeVisible();
  await expect(pa.page.getByText("Reason: I'm moving in September.")).toBeVisible();
  await paHome.getByLabel(`Reply to: ${COMMENT}`).fill(REPLY);
  await paHome.getByRole("button", { name: "Send reply" }).click();
  await expect(paHome.getByText(REPLY, { exact: true })).toBeVisible();
  await pa.page.getByLabel("Your answer to their request").fill("Yes: let's meet on 2 December.");
  await pa.page.getByRole("button", { name: "Send answer" }).click();
  await expect(pa.page.getByText("They asked for a review")).toHaveCount(0);
  await expectSynced(pa.page);
  await expectNoAxeViolations(pa.page);
  await screenshot(pa.page, "plan-pa");
  await pa.context.close();

  // Jade sees the reply and the answer.
  await page.reload();
  await expect(where.getByText(REPLY, { exact: true })).toBeVisible();
  await expect(page.getByText("Yes: let's meet on 2 December.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask for a review" })).toBeVisible();
  await screenshot(page, "plan-replied");
});
