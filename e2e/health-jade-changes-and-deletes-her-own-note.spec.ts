import { expect, test, type Locator } from "@playwright/test";
import { expectNoAxeViolations, screenshot } from "./support";
import { andSync, healthMenu, jadeAdds, jadeSignsIn, openEntry, openMyHealth, paRecords, samOpensJade } from "./health";

const NOTE = "Ask about my eyes";
const CHANGED = "Ask the optician about my eyes";
const SAMS = "Eczema";

/** Scrolls so `what` is at the top of the screen, below the header. */
async function toTop(what: Locator) {
  await what.evaluate((el) => {
    el.scrollIntoView({ block: "start", behavior: "instant" });
    window.scrollBy({ top: -80, behavior: "instant" });
  });
}

test("a young person changes the title of a note of her own and deletes it; a professional's entry offers neither", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const sam = await samOpensJade(browser);
  await paRecords(sam.page, { kind: "Health condition", title: SAMS, from: "Health assessment, March 2024" });
  await sam.context.close();

  await jadeSignsIn(page);
  await openMyHealth(page);
  await jadeAdds(page, { kind: "Note", title: NOTE, details: "Words go blurry when I read for a long time." });
  const yours = page.getByRole("region", { name: "Change or delete" });
  const change = yours.getByRole("button", { name: "Change this entry" });
  await expect(change).toHaveAttribute("aria-expanded", "false");

  // The form she added it with, filled in; its kind and who sees it are not asked again.
  await change.click();
  await expect(change).toHaveAttribute("aria-expanded", "true");
  await expect(yours.getByLabel("Title")).toHaveValue(NOTE);
  await expect(yours.getByLabel("More details (if you want)")).toHaveValue("Words go blurry when I read for a long time.");
  await expect(yours.getByLabel("What kind of thing is it?")).toHaveCount(0);
  await expect(yours.getByRole("group", { name: "Who can see this?" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await toTop(change);
  await screenshot(page, "health-own-entry-change", false);
  await yours.getByLabel("Title").fill("");
  await yours.getByRole("button", { name: "Save changes" }).click();
  await expect(yours.getByRole("alert").getByText("Check this before saving")).toBeVisible();
  await expect(yours.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await yours.getByLabel("Title").fill(CHANGED);

  // Only the title is sent, on top of the version she changed.
  const push = page.waitForRequest((r) => r.url().includes("/api/v1/sync/push"));
  await andSync(page, () => yours.getByRole("button", { name: "Save changes" }).click());
  const sent = (await push).postDataJSON().mutations;
  expect(sent).toHaveLength(1);
  expect(Object.keys(sent[0].payload)).toEqual(["title"]);
  expect(sent[0].payload.title).toBe(CHANGED);
  expect(sent[0].base_version).toEqual(expect.any(Number));
  await expect(page.getByRole("heading", { level: 1, name: CHANGED })).toBeVisible();
  await expect(yours.getByText("Your changes are saved.")).toBeVisible();
  await expect(change).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: CHANGED })).toBeVisible();

  // Deleting asks first, in words; "Keep it" keeps it.
  const question = `Delete '${CHANGED}'? This can't be undone.`;
  await yours.getByRole("button", { name: "Delete this entry" }).click();
  await expect(yours.getByText(question)).toBeFocused();
  await expectNoAxeViolations(page);
  await toTop(yours);
  await screenshot(page, "health-own-entry-delete", false);
  await yours.getByRole("button", { name: "Keep it" }).click();
  await expect(yours.getByText(question)).toHaveCount(0);
  await expect(yours.getByRole("button", { name: "Delete this entry" })).toBeFocused();
  await yours.getByRole("button", { name: "Delete this entry" }).click();
  await andSync(page, () => yours.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(page.getByRole("heading", { level: 1, name: "Deleted" })).toBeFocused();
  await expect(page.getByText(`'${CHANGED}' is no longer in your health history.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "health-own-entry-deleted");

  // Gone from her history, here and on the server.
  await page.getByRole("link", { name: "Go to My health" }).click();
  await healthMenu(page, "Timeline");
  await expect(page.getByRole("link", { name: SAMS, exact: true })).toBeVisible();
  await expect(page.getByText(CHANGED)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: SAMS, exact: true })).toBeVisible();
  await expect(page.getByText(CHANGED)).toHaveCount(0);

  // What Sam recorded: she asks for a correction instead.
  await openEntry(page, SAMS);
  await expect(page.getByRole("button", { name: "Ask for a correction" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Change or delete" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change this entry" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete this entry" })).toHaveCount(0);
});
