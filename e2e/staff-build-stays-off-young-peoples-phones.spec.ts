import { expect, test } from "@playwright/test";
import { signIn, waitForServiceWorker, watchCsp } from "./support";

// The staff screens are a separate build under /staff/ (docs/decisions/
// 0008-staff-build.md): a young person's phone never downloads them, and a
// PA's laptop still opens them with no signal once it has opened them.

test("a young person's phone fetches nothing of the staff build, and keeps none of it", async ({ page }) => {
  const fetched: string[] = [];
  page.context().on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await waitForServiceWorker(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["My offer", "My health", "My people", "Me"]) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  expect(fetched.filter((p) => p.startsWith("/staff/"))).toEqual([]);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached.length, "the service worker saved the app").toBeGreaterThan(3);
  expect(cached.filter((p) => p.startsWith("/staff/"))).toEqual([]);
});

test("a PA's caseload opens from the staff build, and again with no signal", async ({ page, context }) => {
  const refused = watchCsp(page);
  const fetched: string[] = [];
  context.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await signIn(page, "pa.sam");
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  expect(fetched.some((p) => p.startsWith("/staff/") && p.endsWith(".wasm"))).toBe(true);
  await waitForServiceWorker(page);
  // Once more online, so the service worker (in charge now) keeps the page.
  await page.reload();
  await expect(page.getByRole("link", { name: /^Jade / })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My caseload" })).toBeVisible();
  await context.setOffline(false);
  expect(refused, "blocked by the content security policy").toEqual([]);
});
