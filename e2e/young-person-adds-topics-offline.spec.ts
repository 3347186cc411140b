import { expect, test } from "@playwright/test";
import { screenshot, signIn, waitForServiceWorker } from "./support";
import { tickAndSync } from "./topics";

test("a young person adds things to talk about offline, and her PA sees them and marks one talked about", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Things to talk about with Sam" })).toBeVisible();
  await expect(page.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
  await waitForServiceWorker(page);

  // No signal: she adds two things. They show at once, saved on the phone.
  await context.setOffline(true);
  const field = page.getByLabel("Something to talk about");
  await field.fill("Can I get help paying for a laptop for college?");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Can I get help paying for a laptop for college?", { exact: true })).toBeVisible();
  await expect(field).toHaveValue("");
  await field.fill("Moving out in June: who do I tell?");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Moving out in June: who do I tell?", { exact: true })).toBeVisible();
  await expect(page.getByText("Saved on this phone: 2 changes to send")).toBeVisible();
  await expect(page.getByText("Can't reach Pathway — your changes are safe on this phone.")).toBeVisible();
  await screenshot(page, "topics-offline");

  // Still offline, the page is opened again: the list comes from the phone.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await expect(page.getByText("Can I get help paying for a laptop for college?", { exact: true })).toBeVisible();
  await expect(page.getByText("Moving out in June: who do I tell?", { exact: true })).toBeVisible();
  await expect(page.getByText("Saved on this phone: 2 changes to send")).toBeVisible();

  // Back online: the changes go to Pathway.
  await context.setOffline(false);
  await expect(page.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByText("Not sent yet")).toHaveCount(0);
  await screenshot(page, "topics-synced");

  // Her PA, on a laptop, opens Jade's page and sees both.
  const paContext = await browser.newContext();
  const pa = await paContext.newPage();
  await signIn(pa, "pa.sam");
  await pa.getByRole("link", { name: /^Jade / }).click();
  await expect(pa.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expect(pa.getByRole("heading", { name: "Things to talk about" })).toBeVisible();
  await expect(pa.getByText("Can I get help paying for a laptop for college?", { exact: true })).toBeVisible();
  await expect(pa.getByText("Moving out in June: who do I tell?", { exact: true })).toBeVisible();
  // The words are hers: the PA can't edit or delete them.
  await expect(pa.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(pa.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await tickAndSync(pa, pa.getByRole("checkbox", { name: "Talked about: Can I get help paying for a laptop for college?" }));
  await screenshot(pa, "pa-person-topics");
  await paContext.close();

  // Jade's phone syncs when she opens Pathway again.
  await page.reload();
  const laptop = page.getByRole("listitem").filter({ hasText: "laptop" });
  await expect(laptop.getByText("Talked about with your PA")).toBeVisible();
  const moving = page.getByRole("listitem").filter({ hasText: "Moving out" });
  await expect(moving.getByText("Talked about with your PA")).toHaveCount(0);

  // She ticks one off and changes the other; then deletes one.
  await tickAndSync(page, page.getByRole("checkbox", { name: "Done: Can I get help paying for a laptop for college?" }));
  await page.getByRole("button", { name: "Edit: Moving out in June: who do I tell?" }).click();
  await page.getByLabel("Change this topic").fill("Moving out in July: who do I tell?");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Moving out in July: who do I tell?", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Done: Can I get help paying for a laptop for college?" })).toBeChecked();
  await expect(page.getByText("Moving out in July: who do I tell?", { exact: true })).toBeVisible();
  await screenshot(page, "topics-home");
  await page.getByRole("button", { name: "Delete: Moving out in July: who do I tell?" }).click();
  await expect(page.getByText("Moving out in July: who do I tell?", { exact: true })).toHaveCount(0);
  await expect(page.getByText(/^Synced at \d\d:\d\d$/)).toBeVisible();
});
