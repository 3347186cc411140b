import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoSideScroll, screenshot, signIn } from "./support";
import { openMyPeople } from "./people";

test("a 17-year-old sees his social worker and IRO, and that at 18 his PA takes over", async ({ page }) => {
  await signIn(page, "tom");
  await openMyPeople(page);

  const people = page.getByRole("region", { name: "Your people" });
  await expect(people.getByRole("heading", { name: "Your personal advisor (PA)" })).toBeVisible();
  const social = people.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Your social worker" }) });
  await expect(social.getByText("Chris Adeyemi")).toBeVisible();
  await expect(social.getByText("Monday to Friday, 9am to 5pm")).toBeVisible();
  await expect(social.getByRole("link", { name: "Call 0151 496 0111" })).toHaveAttribute("href", "tel:01514960111");
  await expect(social.getByRole("link", { name: /^Email chris\.adeyemi@/ })).toHaveAttribute(
    "href",
    "mailto:chris.adeyemi@liverpool.example",
  );
  const iro = people
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Your independent reviewing officer (IRO)" }) });
  await expect(iro.getByText("Helen Marsh")).toBeVisible();
  await expect(people.getByRole("heading", { name: "Out-of-hours duty team" })).toBeVisible();

  // The helplines are always there.
  const helplines = page.getByRole("region", { name: "Helplines that are always there" });
  await expect(helplines.getByRole("link", { name: "Call 116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(helplines.getByRole("link", { name: "Text SHOUT to 85258" })).toBeVisible();
  await expect(helplines.getByRole("link", { name: "Call 0800 1111" })).toBeVisible();

  // Who does what: he is in the 16-17 card, and at 18 his PA takes over.
  const who = page.getByRole("region", { name: "Who does what" });
  await expect(who.getByText("At 18, your PA takes over from your social worker.", { exact: false })).toBeVisible();
  const here = who.locator('[aria-current="step"]');
  await expect(here).toHaveCount(1);
  await expect(here.getByRole("heading", { name: "16 and 17: in care" })).toBeVisible();
  await expect(here.getByText("You are here")).toBeVisible();
  await expect(who.getByText(/Liverpool/).first()).toBeVisible();

  await expectNoAxeViolations(page);
  await screenshot(page, "people-tom");

  // A narrow phone: nothing runs off the side.
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoSideScroll(page);
  await screenshot(page, "people-tom-320");
});
