import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signIn } from "./support";
import { openMyOffer } from "./offer";

type Item = { id: string; title: string };
const offer = (council: string): Item[] =>
  JSON.parse(readFileSync(join(__dirname, "..", "data", "offers", `${council}.json`), "utf8"));

test("a young person in Knowsley only ever sees Knowsley's offer", async ({ page }) => {
  const knowsley = offer("knowsley");
  const knowsleyTitles = new Set(knowsley.map((i) => i.title));
  const liverpoolOnly = offer("liverpool")
    .map((i) => i.title)
    .filter((t) => !knowsleyTitles.has(t));
  expect(liverpoolOnly.length).toBeGreaterThan(5);

  await signIn(page, "kai");
  await expect(page.getByRole("heading", { level: 1, name: /^Hi, / })).toBeVisible();
  await openMyOffer(page);
  await expect(page.getByText(/made-up examples .* not Knowsley's real offer/)).toBeVisible();
  await page.getByRole("button", { name: "Show everything" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Not for you right now" })).toBeVisible();

  // Every item on the page is one of Knowsley's, and all of them are there.
  const links = page.getByRole("main").getByRole("listitem").getByRole("link");
  const shown = await links.allTextContents();
  expect(shown.length).toBe(knowsley.length);
  for (const title of shown) expect(knowsleyTitles, title).toContain(title);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const ids = new Set(knowsley.map((i) => `/offer/${i.id}`));
  for (const href of hrefs) expect(ids, String(href)).toContain(href);
  for (const title of liverpoolOnly) await expect(page.getByText(title, { exact: true })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText("Liverpool");

  // Searching finds nothing of Liverpool's either.
  await page.getByLabel("Search the offer").fill("laptop");
  await expect(page.getByRole("link", { name: "A laptop and a phone", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "A laptop and data", exact: true })).toHaveCount(0);

  // A Liverpool-only item's address is not found for her.
  const onlyInLiverpool = offer("liverpool").find((i) => !knowsley.some((k) => k.id === i.id))!;
  await page.goto(`/offer/${onlyInLiverpool.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "We can't find that" })).toBeVisible();
});
