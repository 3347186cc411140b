import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";
import { openMyOffer } from "./offer";

type Item = { title: string; summary: string; details: string; category: string };

// The offer's own rules, written out again here so the test knows which
// items each search must find (pathway_model::offer::search): a word of the
// query matches a word of the item that starts with it, or with one of the
// everyday words it stands for; every word of the query must match.
const SYNONYMS: Record<string, string[]> = {
  money: ["grant", "bursary", "allowance", "payment", "cash", "£", "fund"],
  house: ["home", "housing", "accommodation", "flat", "tenancy", "rent"],
  uni: ["university", "higher"],
  driving: ["lessons", "licence", "theory"],
};
const CATEGORY_LABELS: Record<string, string> = {
  health_wellbeing: "Health and wellbeing",
  relationships: "Family, friends and relationships",
  education_training: "Education and training",
  employment: "Work and jobs",
  accommodation: "Somewhere to live",
  participation: "Having your say and getting involved",
  money: "Money",
  moving_on: "Moving on to adult life",
};

function words(text: string): string[] {
  const lower = text.toLowerCase();
  const out = lower.split(/[^\p{L}\p{N}£]+/u).filter((w) => w !== "");
  if (lower.includes("£")) out.push("£");
  return out;
}

/** The titles a search for `query` must show, in alphabetical order. */
function expectedTitles(items: Item[], query: string): string[] {
  const terms = words(query)
    .filter((w) => w !== "£")
    .map((w) => [w, ...(SYNONYMS[w] ?? [])]);
  return items
    .filter((i) => {
      const ws = words(`${i.title} ${i.summary} ${CATEGORY_LABELS[i.category]} ${i.category} ${i.details}`);
      return terms.every((alts) => ws.some((w) => alts.some((a) => w.startsWith(a))));
    })
    .map((i) => i.title)
    .sort();
}

function countWords(n: number): string {
  return n === 0 ? "No results" : n === 1 ? "1 result" : `${n} results`;
}

/** Starts a clock in the page at the next key press in the search box; it
 *  stops at the first frame painted that shows exactly `titles` and their
 *  count (a frame callback runs before the paint; a task queued from it
 *  runs after). Read it with `keyPressToPainted`; NaN if that never
 *  happened within 10 s. */
async function startClock(page: Page, query: string, titles: string[]) {
  await page.evaluate(
    ({ query, titles, count }) => {
      const input = document.getElementById("offer-search") as HTMLInputElement;
      const w = window as unknown as { searchPainted: Promise<number> };
      w.searchPainted = new Promise((resolve) => {
        let start: number | undefined;
        input.addEventListener("keydown", () => (start = performance.now()), { once: true, capture: true });
        const shown = () => {
          const status = [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent?.trim());
          const cards = [
            ...document.querySelectorAll('section[aria-labelledby="results-heading"] .offer-card__title a'),
          ].map((a) => a.textContent ?? "");
          return (
            input.value === query &&
            status.includes(count) &&
            JSON.stringify(cards.sort()) === JSON.stringify(titles)
          );
        };
        const frame = () => {
          if (start !== undefined && shown()) {
            setTimeout(() => resolve(performance.now() - (start as number)), 0);
          } else {
            requestAnimationFrame(frame);
          }
        };
        requestAnimationFrame(frame);
        setTimeout(() => resolve(NaN), 10_000);
      });
    },
    { query, titles, count: countWords(titles.length) },
  );
}

async function keyPressToPainted(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { searchPainted: Promise<number> }).searchPainted);
}

// Prints its figure (how long from a key press in the search box to the
// right results painted on screen) and checks what she sees: for each
// search, exactly the items the offer's rules find, with no signal.
test("with no signal, search shows the right items as she types, over an offer of 500 items", async ({
  page,
  context,
}) => {
  const book = { items: [] as Item[] };
  await page.route("**/api/v1/offer", async (route) => {
    const response = await route.fetch();
    const real = await response.json();
    const items = [];
    for (let i = 0; items.length < 500; i++) {
      for (const item of real.items) {
        if (items.length >= 500) break;
        items.push({ ...item, id: `${item.id}-${i}`, title: i === 0 ? item.title : `${item.title} (${i})` });
      }
    }
    book.items = items;
    await route.fulfill({ response, json: { ...real, items } });
  });
  await signIn(page, "jade");
  await expect(page.getByRole("heading", { level: 1, name: "Hi, Jade" })).toBeVisible();
  await openMyOffer(page);
  expect(book.items).toHaveLength(500);
  // Searching happens on the phone: no signal needed.
  await context.setOffline(true);
  const box = page.getByLabel("Search the offer");
  const results = page.getByRole("region", { name: "Search results" });

  const times: number[] = [];
  const found: string[] = [];
  for (const query of ["l", "la", "lap", "laptop", "money", "house", "driving lessons", "zzz", "uni"]) {
    const titles = expectedTitles(book.items, query);
    // Everything but the last letter, then the last letter as a key press.
    await box.fill(query.slice(0, -1));
    await expect(box).toHaveValue(query.slice(0, -1));
    await startClock(page, query, titles);
    await page.keyboard.press(query.slice(-1));

    await expect(box).toHaveValue(query);
    await expect(page.getByRole("status").filter({ hasText: /results?$/ })).toHaveText(countWords(titles.length));
    const shown = await results.getByRole("heading", { level: 3 }).allTextContents();
    expect(shown.sort(), `the items found for "${query}"`).toEqual(titles);
    if (titles.length === 0) {
      await expect(results.getByText("Nothing matches that. Try another word, or ask your PA.")).toBeVisible();
    }
    times.push(await keyPressToPainted(page));
    found.push(`${query}: ${titles.length}`);
  }
  // The rules above do find things (so the comparison is not of two empty lists).
  expect(expectedTitles(book.items, "laptop").length).toBeGreaterThan(0);

  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `offer search over 500 items, key press to results painted: median ${median.toFixed(1)} ms, worst ${sorted[sorted.length - 1].toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(", ")}); items found: ${found.join(", ")}`,
  );
});
