// Steps and checks for the languages journeys (issue 17): the catalogues
// read from locales/, a sign-in in another language, "is any English UI
// text left on this screen", and speech synthesis watched from the page.
import { expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PASSPHRASE, expectNoAxeViolations, screenshot } from "./support";

export type Lang = "en" | "ar" | "sq";
export type Catalogue = Record<string, string>;

const LOCALES = join(__dirname, "..", "locales");

/** Every message of one language: its locales/<lang>/*.json joined (not
 *  subfolders: locales/en/staff is the staff build's, which a young person
 *  never sees), as scripts/join-locales.mjs joins them for the app. */
export function catalogue(lang: Lang): Catalogue {
  const dir = join(LOCALES, lang);
  const all: Catalogue = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    Object.assign(all, JSON.parse(readFileSync(join(dir, file), "utf8")));
  }
  return all;
}

/** A message with its `{{name}}`s filled, as the app and login.js fill them. */
export function fill(message: string, values: Record<string, string> = {}): string {
  return message.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? "");
}

/** The html element's lang and dir for each language (crates/model's
 *  Language: code, right_to_left). */
export const PAGE_LANG: Record<Lang, { lang: string; dir: string }> = {
  en: { lang: "en-GB", dir: "ltr" },
  ar: { lang: "ar", dir: "rtl" },
  sq: { lang: "sq", dir: "ltr" },
};

/** The English a screen in `lang` must not show, in a form page.evaluate
 *  takes: whole messages (`exact`) and, for messages with placeholders,
 *  anchored patterns (`patterns`).
 *
 *  A message counts when it has a letter once its `{{...}}`s are removed,
 *  and when `lang`'s catalogue does not say the same: "Pathway", "NHS 111",
 *  a helpline's name are the same words in every language. A message with
 *  placeholders is matched as a pattern only when what is left can't be
 *  mistaken for the server's words (offer items, names, what a PA wrote stay
 *  English): its placeholders are all numbers, or it keeps 8 letters or
 *  more of its own. "Hi, {{name}}" is too short for that: the spec checks
 *  Home's heading itself. */
export function englishToFind(lang: Lang): { exact: string[]; patterns: string[] } {
  const english = catalogue("en");
  const theirs = catalogue(lang);
  const theirWords = new Set(Object.values(theirs).map((m) => m.trim()));
  const exact = new Set<string>();
  const patterns = new Set<string>();
  const NUMERIC = new Set(["count", "number", "age", "min", "max", "times"]);
  for (const [key, message] of Object.entries(english)) {
    const text = message.trim();
    const bare = text.replace(/{{\w+}}/g, "");
    if (!/\p{L}/u.test(bare)) continue;
    if (theirs[key]?.trim() === text || theirWords.has(text)) continue;
    const names = [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]);
    if (names.length === 0) {
      exact.add(text.replace(/\s+/g, " "));
      continue;
    }
    const letters = (bare.match(/\p{L}/gu) ?? []).length;
    if (letters < 8 && !names.every((n) => NUMERIC.has(n))) continue;
    const source = text
      .split(/({{\w+}})/)
      .map((piece) => {
        const name = /^{{(\w+)}}$/.exec(piece)?.[1];
        if (name) return NUMERIC.has(name) ? "[\\p{N}.,\\u066B\\u066C ]+" : "[\\s\\S]+?";
        return piece.replace(/\s+/g, " ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    patterns.add(`^${source}$`);
  }
  return { exact: [...exact], patterns: [...patterns] };
}

/** The English UI text on the page now: every text node a person can see
 *  (or a screen reader reads: visually hidden text counts, display:none
 *  does not), and the aria-label, title, placeholder and alt of visible
 *  elements, each compared whole (trimmed) with whole English messages.
 *  Whatever is marked as English on purpose (`lang="en..."`: the language
 *  chooser's "English") is left out. */
export async function englishOnPage(page: Page, lang: Lang): Promise<string[]> {
  const { exact, patterns } = englishToFind(lang);
  return page.evaluate(
    ({ exact, patterns }) => {
      const words = new Set(exact);
      const regexes = patterns.map((p) => new RegExp(p, "u"));
      const isEnglish = (text: string) => words.has(text) || regexes.some((r) => r.test(text));
      const seen = (el: Element) =>
        el.checkVisibility({ visibilityProperty: true }) &&
        !el.closest("script, style, noscript, template") &&
        !(el.closest("[lang]") !== document.documentElement && /^en\b/i.test(el.closest("[lang]")?.getAttribute("lang") ?? ""));
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
        const parent = node.parentElement;
        if (!text || !parent || !seen(parent)) continue;
        if (isEnglish(text)) found.push(`"${text}" in <${parent.localName}${parent.className ? ` class="${parent.className}"` : ""}>`);
      }
      for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        if (!seen(el)) continue;
        for (const attribute of ["aria-label", "title", "placeholder", "alt"]) {
          const text = (el.getAttribute(attribute) ?? "").replace(/\s+/g, " ").trim();
          if (text && isEnglish(text)) found.push(`${attribute}="${text}" on <${el.localName}>`);
        }
      }
      return found;
    },
    { exact, patterns },
  );
}

/** Soft: every English UI text on the page is listed, and the journey goes
 *  on to the next screen, so one run shows all that is left. */
export async function expectNoEnglish(page: Page, lang: Lang, where: string) {
  const found = await englishOnPage(page, lang);
  expect.soft(found, `English UI text on ${where} (${lang}):\n${found.join("\n")}`).toEqual([]);
}

/** Soft, likewise: support.ts's axe check (WCAG 2.2 AA), its failure noted
 *  and the journey carried on. */
export async function expectNoAxeViolationsSoftly(page: Page, where: string) {
  try {
    await expectNoAxeViolations(page);
  } catch (e) {
    expect.soft((e as Error).message, `axe violations on ${where}`).toBe("");
  }
}

/** The page is in `lang`: `lang` and `dir` on the html element. */
export async function expectPageIn(page: Page, lang: Lang) {
  await expect(page.locator("html")).toHaveAttribute("lang", PAGE_LANG[lang].lang);
  await expect(page.locator("html")).toHaveAttribute("dir", PAGE_LANG[lang].dir);
}

/** On the sign-in page (in English): she picks her language in the chooser
 *  at the top, and the page comes in it. */
export async function chooseOnSignInPage(page: Page, lang: Lang) {
  await page.goto("/login");
  await page.getByRole("combobox", { name: "Language" }).selectOption(lang);
  await expectPageIn(page, lang);
  const words = catalogue(lang);
  await expect(page.getByRole("heading", { level: 1, name: words["login.title.sign_in"] })).toBeVisible();
}

/** Signs in on the sign-in page as it is now, in `lang`: the fields and the
 *  button found by their words in that language. */
export async function signInIn(page: Page, lang: Lang, username: string) {
  const words = catalogue(lang);
  await page.getByLabel(words["login.sign_in.username"], { exact: true }).fill(username);
  await page.getByLabel(words["login.sign_in.passphrase"], { exact: true }).fill(PASSPHRASE);
  await page.getByRole("button", { name: words["login.sign_in.button"], exact: true }).click();
}

/** Jade picks `lang` on the sign-in page and signs in: Home in `lang`. */
export async function jadeSignsInIn(page: Page, lang: Lang) {
  await chooseOnSignInPage(page, lang);
  await signInIn(page, lang, "jade");
  await expectHome(page, lang);
}

/** The phone has kept `lang`'s words for use with no signal: the worker
 *  holds its catalogue and the glossary's meanings. On a first visit the
 *  page read them before the worker took it over; src/pwa.rs asks the
 *  worker to keep them (public/sw.js, keepLanguage), a moment after
 *  `waitForServiceWorker`. */
export async function waitForLanguageKept(page: Page, lang: Lang) {
  await expect
    .poll(
      () =>
        page.evaluate(async (stem) => {
          const kept = await Promise.all([`/locales/${stem}.json`, `/glossary.${stem}.json`].map((u) => caches.match(u)));
          return kept.every((answer) => answer !== undefined);
        }, lang),
      { message: `the worker keeps the ${lang} catalogue and glossary`, timeout: 15_000 },
    )
    .toBe(true);
}

/** Home has loaded, in `lang`: her greeting, and her PA (the server's). */
export async function expectHome(page: Page, lang: Lang) {
  const words = catalogue(lang);
  await expect(page.getByRole("heading", { level: 1, name: fill(words["home.greeting"], { name: "Jade" }) })).toBeVisible();
  await expectPageIn(page, lang);
  await expect(page.getByText("Sam Okafor").first()).toBeVisible();
  await settled(page, lang);
}

/** Nothing on the page says it is still loading (ui.load.loading, "Loading
 *  {{what}}…" in the page's language). */
export async function settled(page: Page, lang: Lang) {
  const loading = catalogue(lang)["ui.load.loading"] ?? catalogue("en")["ui.load.loading"];
  const prefix = loading.split("{{")[0].trim();
  if (prefix) {
    await expect(page.getByRole("status").filter({ hasText: prefix })).toHaveCount(0);
  }
}

/** A place in the bottom bar, found by where it goes: its words are in the
 *  page's language. */
export function navLink(page: Page, href: string) {
  return page.locator(`nav.bottom-nav a[href="${href}"]`);
}

/** The young person's main screens, each with the heading (a message key)
 *  it shows once opened from the bottom bar. */
export const SCREENS = [
  { name: "offer", href: "/offer", heading: "offer.list.heading" },
  { name: "health", href: "/health", heading: "health.title" },
  { name: "people", href: "/people", heading: "people.page.title" },
  { name: "me", href: "/me", heading: "me.title" },
] as const;

/** Opens one of SCREENS from the bottom bar and waits until it has loaded. */
export async function openScreen(page: Page, lang: Lang, screen: (typeof SCREENS)[number]) {
  const words = catalogue(lang);
  await navLink(page, screen.href).click();
  await expect(page.getByRole("heading", { level: 1, name: words[screen.heading], exact: true })).toBeVisible();
  if (screen.name === "offer") {
    await expect(page.getByRole("heading", { level: 2, name: words["offer.list.for_you_heading"], exact: true })).toBeVisible();
  }
  if (screen.name === "people") {
    await expect(page.getByText("Sam Okafor").first()).toBeVisible();
  }
  await settled(page, lang);
}

/** Opens the first item of My offer (she is on My offer); gives back its
 *  title. */
export async function openFirstOfferItem(page: Page): Promise<string> {
  const link = page.getByRole("main").locator('a[href^="/offer/"]').first();
  const title = ((await link.textContent()) ?? "").trim();
  await link.click();
  await expect(page).toHaveURL(/\/offer\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return title;
}

/** Saves a screenshot named for the language and the screen. */
export async function shot(page: Page, lang: Lang, name: string) {
  await screenshot(page, `language-${lang}-${name}`);
}

/** Collects the app's crashes on this page: uncaught errors, and a Rust
 *  panic's message (written to the console just before the "unreachable"
 *  error), so a journey that stops at "Loading Pathway…" says why. */
export function watchCrashes(page: Page): string[] {
  const crashes: string[] = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && msg.text().includes("panicked at")) crashes.push(msg.text().split("\n\nStack:")[0]);
  });
  return crashes;
}

/** What the page asked of speech synthesis (see `watchSpeech`). */
export type SpeechCall = { call: "speak" | "cancel"; lang?: string; text?: string; voice?: string | null };

/** Before the page loads: speech synthesis that reports its calls in
 *  `window.__speech`, with the voices listed in `voices` (BCP 47 codes).
 *
 *  Headless Chromium has no voices, and its real speak() ends every
 *  utterance at once with "synthesis-failed", which the app rightly takes as
 *  the end of the reading. So speak() here is a phone's: it keeps the
 *  utterance "speaking" until cancel(), which ends it with "interrupted"
 *  (a moment later, as browsers do). cancel() calls the real one too. A
 *  SpeechSynthesisVoice can't be made by a page: the listed ones are objects
 *  of its prototype whose getters (and the utterance's voice setter) are
 *  taught to answer for them. */
export async function watchSpeech(page: Page, voices: string[]) {
  await page.addInitScript((codes: string[]) => {
    const calls: unknown[] = [];
    (window as unknown as { __speech: unknown[] }).__speech = calls;
    const fakes = new WeakMap<object, Record<string, unknown>>();
    const voiceProto = SpeechSynthesisVoice.prototype;
    for (const prop of ["voiceURI", "name", "lang", "localService", "default"]) {
      const real = Object.getOwnPropertyDescriptor(voiceProto, prop);
      Object.defineProperty(voiceProto, prop, {
        configurable: true,
        enumerable: true,
        get() {
          return fakes.has(this) ? fakes.get(this)![prop] : real?.get?.call(this);
        },
      });
    }
    const list = codes.map((lang) => {
      const voice = Object.create(voiceProto);
      fakes.set(voice, { voiceURI: `test-${lang}`, name: `Test voice (${lang})`, lang, localService: true, default: false });
      return voice;
    });
    const utteranceVoice = Object.getOwnPropertyDescriptor(SpeechSynthesisUtterance.prototype, "voice")!;
    const chosen = new WeakMap<object, unknown>();
    Object.defineProperty(SpeechSynthesisUtterance.prototype, "voice", {
      configurable: true,
      enumerable: true,
      get() {
        return chosen.has(this) ? chosen.get(this) : utteranceVoice.get!.call(this);
      },
      set(v) {
        if (v && fakes.has(v)) chosen.set(this, v);
        else utteranceVoice.set!.call(this, v);
      },
    });
    const synth = SpeechSynthesis.prototype;
    const realCancel = synth.cancel;
    let speaking: SpeechSynthesisUtterance[] = [];
    synth.getVoices = function () {
      return list;
    };
    synth.speak = function (u: SpeechSynthesisUtterance) {
      const voice = u.voice as unknown as object | null;
      calls.push({ call: "speak", lang: u.lang, text: u.text, voice: voice && fakes.has(voice) ? fakes.get(voice)!.lang : null });
      speaking.push(u);
    };
    synth.cancel = function () {
      calls.push({ call: "cancel" });
      const ended = speaking;
      speaking = [];
      setTimeout(() => {
        for (const u of ended) u.dispatchEvent(new SpeechSynthesisErrorEvent("error", { utterance: u, error: "interrupted" }));
      });
      realCancel.call(this);
    };
  }, voices);
}

export async function speechCalls(page: Page): Promise<SpeechCall[]> {
  return page.evaluate(() => (window as unknown as { __speech: SpeechCall[] }).__speech);
}
