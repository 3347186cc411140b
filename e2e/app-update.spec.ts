import { expect, test } from "@playwright/test";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { signIn, waitForServiceWorker } from "./support";

// A new build means a new sw.js. Here we fake one by changing a byte of the
// served file, then ask the browser to check for an update.
const SW_FILE = resolve(process.env.PATHWAY_DIST_DIR ?? resolve(__dirname, "../dist"), "sw.js");

test("a new version waits for the person to choose Reload", async ({ page }) => {
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await waitForServiceWorker(page);
  await expect(page.getByText("A new version of Pathway is ready.")).toBeHidden();

  const original = readFileSync(SW_FILE);
  try {
    appendFileSync(SW_FILE, `\n// e2e update ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const prompt = page.getByText("A new version of Pathway is ready.");
    await expect(prompt).toBeVisible();
    // Nothing changes until the person says so.
    await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();

    // Listen before clicking: the reload can finish before a later wait starts.
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reload" }).click()]);
    await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
    await expect(prompt).toBeHidden();
  } finally {
    writeFileSync(SW_FILE, original);
  }
});
