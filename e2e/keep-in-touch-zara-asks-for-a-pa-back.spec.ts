import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshot, signIn } from "./support";
import { onNewDevice, openMyPeople } from "./people";

test("a 22-year-old with no PA asks to get one back, and the Liverpool manager sees how long she has waited", async ({
  page,
  browser,
}) => {
  await signIn(page, "zara");
  await openMyPeople(page);
  await expect(page.getByText("You don't have a personal advisor (PA) at the moment.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your personal advisor (PA)" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Out-of-hours duty team" })).toBeVisible();
  const form = page.getByRole("region", { name: "Ask to get a PA back" });
  await page.getByRole("link", { name: "You can ask for one below" }).click();
  await expect(form.getByRole("heading", { name: "Ask to get a PA back" })).toBeInViewport();

  // Sent with no number: the problem shows next to the field.
  await form.getByRole("button", { name: "Ask to get a PA back" }).click();
  await expect(form.getByText("Enter a UK phone number, like 07700 900123")).toBeVisible();
  await expect(form.getByLabel("Your phone number")).toBeFocused();
  await expect(form.getByLabel("Your phone number")).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "keep-in-touch-problem");

  // An email address when she chose email, or a number, is fine.
  await form.getByLabel("Text message").check();
  await form.getByLabel("Your phone number").fill("07700 900999");
  await form.getByLabel(/Best time to contact you/).fill("Weekdays after 5pm");
  await form.getByLabel(/Anything you want them to know/).fill("I'm starting college in January.");
  await form.getByRole("button", { name: "Ask to get a PA back" }).click();
  await expect(form.getByText("Enter a UK phone number")).toHaveCount(0);
  await expect(form.getByText("Wants a PA again, by text message")).toBeVisible();
  await expect(form.getByText("Sent. The leaving care team will get in touch.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "keep-in-touch-sent");

  // The Liverpool leaving care team sees it, with how long she has waited.
  const manager = await onNewDevice(browser, "manager.liverpool");
  await expect(manager.page.getByRole("heading", { name: "Asked to be contacted" })).toBeVisible();
  const request = manager.page.getByRole("listitem").filter({ hasText: "Zara Ali, 22" });
  await expect(request).toBeVisible();
  await expect(request.getByText("Waiting less than an hour")).toBeVisible();
  await expect(request.getByText("Wants a PA again")).toBeVisible();
  await expect(request.getByText("No PA")).toBeVisible();
  await expect(request.getByRole("link", { name: "07700 900999" })).toHaveAttribute("href", "sms:07700900999");
  await expect(request.getByText("Best time: Weekdays after 5pm")).toBeVisible();
  await expectNoAxeViolations(manager.page);
  await screenshot(manager.page, "council-inbox");

  await request.getByRole("button", { name: /^Mark as done/ }).click();
  await expect(manager.page.getByRole("listitem").filter({ hasText: "Zara Ali, 22" })).toHaveCount(0);
  await manager.context.close();

  // Zara sees that it was done, and by whom.
  await page.reload();
  await expect(page.getByText(/^Done by .+\.$/)).toBeVisible();
});
