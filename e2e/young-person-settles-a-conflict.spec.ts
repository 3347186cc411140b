import { expect, test } from "@playwright/test";
import { screenshot } from "./support";
import { SYNCED, twoPhonesClash } from "./topics";

test("a young person changes a topic on two phones and keeps what she wrote on the second", async ({ browser }) => {
  const { one, two, first, second } = await twoPhonesClash(browser, {
    start: "Driving lessons",
    first: "Driving lessons: does the council pay?",
    second: "Driving lessons: how many can I have?",
  });

  // Both versions, in words; nothing she wrote is dropped.
  const card = second.getByRole("region", { name: "This changed on another device" });
  await expect(card.getByText("What you wrote")).toBeVisible();
  await expect(card.getByText("Driving lessons: how many can I have?", { exact: true })).toBeVisible();
  await expect(card.getByText("What's there now")).toBeVisible();
  await expect(card.getByText("Driving lessons: does the council pay?", { exact: true })).toBeVisible();
  await screenshot(second, "topics-conflict");

  await card.getByRole("button", { name: "Keep mine" }).click();
  await expect(card).toBeHidden();
  await expect(second.getByText(SYNCED)).toBeVisible();
  await expect(second.getByText("Driving lessons: how many can I have?", { exact: true })).toBeVisible();
  await expect(second.getByText("Driving lessons: does the council pay?", { exact: true })).toHaveCount(0);

  // The first phone gets the kept words at its next sync.
  await first.reload();
  await expect(first.getByText("Driving lessons: how many can I have?", { exact: true })).toBeVisible();
  await expect(first.getByText("Driving lessons: does the council pay?", { exact: true })).toHaveCount(0);
  await expect(first.getByRole("heading", { name: "This changed on another device" })).toHaveCount(0);

  await one.close();
  await two.close();
});
