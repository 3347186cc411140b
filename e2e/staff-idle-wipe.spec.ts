import { expect, request, test, type Page } from "@playwright/test";
import { dumpStorage } from "./storage-dump";
import { openedOnDevice } from "./vault";
import { screenshot, signIn } from "./support";

// When a staff session ends, for any reason, the laptop keeps nothing
// personal (issue 15, item 3): not the caseload, not the overviews, not the
// records synced for the young people, not even who was signed in.

// Young people on pa.sam's caseload (names are kept as separate fields),
// where a meeting with Jade was, and Sam himself.
const PERSONAL = ["Jade", "Thompson", "Clarke", "Bold Street", "Okafor"];

/** pa.sam opens the caseload and Jade's page, so the laptop keeps copies. */
async function samOpensJade(page: Page) {
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Tom / })).toBeVisible();
  await page.getByRole("link", { name: /^Jade / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Jade / })).toBeVisible();
  await expect(page.getByText("Stage", { exact: true })).toBeVisible();
  // What the laptop keeps is sealed: the dump shows none of it as it is,
  // but opened with the laptop's own key it holds them all, so an empty
  // one afterwards means something.
  const kept = async () => {
    const opened = (await openedOnDevice(page)).join("\n");
    return PERSONAL.filter((words) => opened.includes(words));
  };
  await expect.poll(kept).toEqual(PERSONAL);
  expectNothingPersonal(await dumpStorage(page));
}

function expectNothingPersonal(dump: string) {
  expect(PERSONAL.filter((words) => dump.includes(words)), "still on the laptop").toEqual([]);
}

test("a PA's laptop left alone for 15 minutes signs out and keeps nothing of the caseload", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install();
  await samOpensJade(page);

  await page.clock.fastForward("16:00");

  await page.waitForURL(/\/login\?why=idle$/);
  await expect(page.getByText("You were signed out because nothing happened for 15 minutes.")).toBeVisible();
  expectNothingPersonal(await dumpStorage(page));
  expect(await openedOnDevice(page), "nothing opens: the key went too").toEqual([]);
  // The session has ended on the server too: the laptop can't fetch anything.
  expect((await page.request.get("/api/v1/caseload")).status()).toBe(401);
  await screenshot(page, "staff-signed-out-idle-1280");
});

test("a PA's session ended elsewhere: the next answer wipes the laptop at once", async ({ page, context, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await samOpensJade(page);

  // Signed out from somewhere else (another browser with the same cookie).
  const cookies = await context.cookies();
  const elsewhere = await request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  expect((await elsewhere.post("/api/v1/auth/logout")).ok()).toBe(true);
  await elsewhere.dispose();

  // The next thing Sam does meets a 401.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).click();

  await page.waitForURL(/\/login\?why=ended$/);
  await expect(page.getByText("You were signed out, and what Pathway kept on this computer has been removed.")).toBeVisible();
  expectNothingPersonal(await dumpStorage(page));
  expect(await openedOnDevice(page), "nothing opens: the key went too").toEqual([]);
  await screenshot(page, "staff-signed-out-ended-1280");
});
