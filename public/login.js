// The sign-in page's script (public/login.html). Plain JavaScript, so the
// page works before the wasm app has downloaded (issue 12). The app keeps the
// rest: src/auth/to_login.rs sends people here; after signing in, they go to
// their start page and the app takes over. Besides signing in, it takes a
// code from a PA (choose a passphrase), and walks staff through setting up
// their second factor (issue 13). Its words are in the language she chose
// (issue 17; see "The page's words" below).
"use strict";

// The same limits as crates/model/src/auth.rs (USERNAME_MAX, PASSPHRASE_MAX)
// and auth/passphrase_rules.rs (PASSPHRASE_MIN).
const USERNAME_MAX = 100;
const PASSPHRASE_MAX = 200;
const PASSPHRASE_MIN = 8;
// Where each role starts (src/access.rs, landing_path).
const LANDING = { young_person: "/", advisor: "/caseload", manager: "/council" };
// localStorage keys the app reads (src/saved.rs ME, src/auth/owed.rs).
const SAVED_ME = "pathway.me";
const SIGN_OUT_OWED = "pathway.lock.sign_out_owed";
const UNSENT = "pathway.unsent";
const VAULT = "pathway.vault";
// Set by Quick exit when she has no PIN (src/auth/exited.rs): until she
// signs in here with her passphrase, nothing of hers shows.
const EXITED = "pathway.exited";
const EXIT_URL = "https://www.bbc.co.uk/weather";
// How long to wait for an answer before saying we can't reach Pathway
// (as ANSWER_WITHIN_MS in src/api/mod.rs).
const ANSWER_WITHIN_MS = 20_000;

// Messages (locales/*/login.json) said in more than one place.
const OFFLINE = "login.error.offline";
const WRONG_SIGN_IN = "login.error.wrong_sign_in";
const WRONG_CODE = "login.error.wrong_code";
const WRONG_FACTOR = "login.error.wrong_factor";
// Each step's heading (login.html: one step shows at a time).
const TITLES = {
  "sign-in": "login.title.sign_in",
  code: "login.title.code",
  choose: "login.title.choose",
  factor: "login.title.factor",
  recovery: "login.title.recovery",
};

const $ = (id) => document.getElementById(id);

// ---- The page's words (issue 17) ----
// English is in the page itself: scripts/stamp-sw.mjs writes
// locales/en/login.json into login.html, as each data-t element's text (and
// data-t-aria-label's label), and the messages no element shows from the
// start as the #login-words block; read here, before any language changes
// them, so English costs no request. Another language is the app's own
// file, /locales/<lang>.json (the service worker keeps it), whose login.*
// messages go over English; one it lacks stays English. The choice is kept
// where the app reads it (src/i18n/choice.rs).
const EN = JSON.parse($("login-words").textContent);
for (const el of document.querySelectorAll("[data-t]")) EN[el.dataset.t] = el.textContent;
for (const el of document.querySelectorAll("[data-t-aria-label]")) {
  EN[el.dataset.tAriaLabel] = el.getAttribute("aria-label");
}
const SAVED_LANGUAGE = "pathway.language";
// By file name, each with its code for `lang` (as crates/model's Language).
const LANGUAGES = { en: "en-GB", ar: "ar", sq: "sq" };
let language = "en";
let words = EN;
// Whether a step has been shown: the tab's title then names it.
let shown = false;

/** A message in the page's language as a list of strings and nodes, its
 *  {{name}}s filled from `values` (a node, such as her username in bold,
 *  goes in as itself; a number in the language's digits). With a count, the
 *  form the language uses for it (`_one`, `_other`...: Intl.PluralRules).
 *  Words that are no key (the server's own) stay as they are. */
function pieces(key, values = {}) {
  const code = LANGUAGES[language];
  if (values.count !== undefined) {
    const form = `${key}_${new Intl.PluralRules(code).select(values.count)}`;
    key = words[form] ? form : `${key}_other`;
  }
  const fill = (name) => {
    const value = values[name];
    return value instanceof Node ? value : value?.toLocaleString(code) ?? "";
  };
  // split() with a group: odd pieces are the names between the braces.
  return (words[key] ?? key).split(/{{(\w+)}}/).map((piece, i) => (i % 2 ? fill(piece) : piece));
}

const say = (key, values) => pieces(key, values).join("");

/** Puts a message in `el` and marks it there (data-t), so a change of
 *  language writes it again. */
function put(el, key, values) {
  el.dataset.t = key;
  el.t = values;
  el.replaceChildren(...pieces(key, values));
}

/** Writes every message on the page again, in the page's language. */
function redraw() {
  for (const el of document.querySelectorAll("[data-t]")) put(el, el.dataset.t, el.t);
  for (const el of document.querySelectorAll("[data-t-aria-label]")) {
    el.setAttribute("aria-label", say(el.dataset.tAriaLabel));
  }
  if (shown) document.title = say("login.document_title_step", { title: $("title").textContent });
}

/** Shows the page in `choice` (en, ar, sq): its words, and `lang` and `dir`
 *  for screen readers and the layout. Answers whether it could: another
 *  language needs its file, and without it the page stays as it is. */
async function useLanguage(choice) {
  let loaded = {};
  if (choice !== "en") {
    try {
      const answer = await fetch(`/locales/${choice}.json`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      if (!answer.ok) return false;
      loaded = await answer.json();
    } catch {
      return false;
    }
  }
  language = choice;
  words = { ...EN, ...loaded };
  document.documentElement.lang = LANGUAGES[choice];
  document.documentElement.dir = choice === "ar" ? "rtl" : "ltr";
  $("language").value = choice;
  $("translated").hidden = choice === "en";
  redraw();
  return true;
}

/** She chose a language: kept on this phone once it shows. */
async function chooseLanguage(choice) {
  if (await useLanguage(choice)) localStorage.setItem(SAVED_LANGUAGE, choice);
  else {
    $("language").value = language;
    showProblem(OFFLINE);
  }
}

/** The language saved on this phone, else the first of the browser's we
 *  have (by the part before "-"), else English: as src/i18n/choice.rs. */
function firstLanguage() {
  const codes = [localStorage.getItem(SAVED_LANGUAGE), ...(navigator.languages ?? [])];
  return codes.map((c) => c?.split(/[-_]/)[0].toLowerCase()).find((c) => Object.keys(LANGUAGES).includes(c)) ?? "en";
}

/** Plain words for a refused request (a message's key): what happened and
 *  what to do. `wrong` is what a wrong entry means on this form. */
function messageFor(body, wrong) {
  const error = body?.error ?? {};
  switch (error.code) {
    case "invalid_credentials":
    case "validation_failed":
      return wrong;
    case "too_many_attempts":
      return "login.error.too_many_tries";
    case "code_not_valid":
      return WRONG_CODE;
    case "invalid_second_factor":
      return WRONG_FACTOR;
    case "weak_passphrase":
      // The server's words are already for the person choosing, in
      // English: in her language when they are one of our messages.
      return WEAK_PASSPHRASE.find((key) => EN[key] === error.message) ?? (error.message || wrong);
    default:
      return "login.error.server";
  }
}

/** What is wrong before asking the server (a message's key), or null. */
function checkFields(username, passphrase) {
  const name = username.trim();
  if (name === "") return "login.error.no_username";
  if ([...name].length > USERNAME_MAX) return "login.error.username_too_long";
  if (passphrase === "") return "login.error.no_passphrase";
  if ([...passphrase].length > PASSPHRASE_MAX) return "login.error.passphrase_too_long";
  return null;
}

// What the server can say of a weak passphrase (crates/model/src/auth/
// passphrase_rules.rs), word for word in English: shown in her language.
const WEAK_PASSPHRASE = [
  "login.error.new_too_common",
  "login.error.new_too_short",
  "login.error.new_too_long",
  "login.error.new_has_username",
];

/** A new passphrase's problem, as the server would say it (it also checks
 *  a list of common ones), or null. */
function checkNew(passphrase, again, username) {
  const length = [...passphrase].length;
  if (length < PASSPHRASE_MIN) return "login.error.new_too_short";
  if (length > PASSPHRASE_MAX) return "login.error.new_too_long";
  if (username && passphrase.toLowerCase().includes(username)) return "login.error.new_has_username";
  if (passphrase !== again) return "login.error.new_not_same";
  return null;
}

/** Shows a problem (a message's key) at the top, or clears it, and moves
 *  focus there so a screen reader reads it first. */
function showProblem(key) {
  const box = $("problem");
  box.textContent = "";
  if (key) {
    const p = document.createElement("p");
    p.className = "error-message";
    put(p, key);
    box.append(p);
    box.focus();
  }
}

/** Shows one step, with its heading, and starts a screen reader there. */
function show(step, title = TITLES[step]) {
  for (const name of Object.keys(TITLES)) $(`step-${name}`).hidden = name !== step;
  $("title").dataset.t = title;
  shown = true;
  redraw();
  showProblem(null);
  $("title").focus();
}

/** POSTs JSON to the API. Answers { ok, body }, or null when there was no
 *  answer at all (offline, or the server is down). */
async function post(path, data) {
  try {
    const response = await fetch(`/api/v1/${path}`, {
      method: "POST",
      headers: data ? { "content-type": "application/json" } : {},
      body: data ? JSON.stringify(data) : undefined,
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    return { ok: response.ok, body: await response.json().catch(() => null) };
  } catch {
    return null;
  }
}

/** Runs `run` when `form` is sent, once at a time, with its button saying
 *  the message `busy` meanwhile. */
function onSubmit(form, busy, run) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.dataset.busy) return;
    form.dataset.busy = "yes";
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    button.textContent = say(busy);
    try {
      await run(form);
    } finally {
      form.dataset.busy = "";
      button.disabled = false;
      put(button, button.dataset.t);
    }
  });
}

function goToStart(me) {
  location.replace(LANDING[me.role] ?? "/");
}

/** Signed in (by passphrase or by a code): the app starts knowing who this
 *  is, even with no signal; staff without a second factor set it up first. */
function signedIn(me) {
  // A new session replaces any sign-out the app lock still owed, and holds
  // no PIN yet (src/lock/browser.rs SERVER_HAS_PIN).
  localStorage.removeItem(SIGN_OUT_OWED);
  localStorage.removeItem("pathway.lock.server_pin");
  localStorage.removeItem(EXITED);
  localStorage.setItem(SAVED_ME, JSON.stringify(me));
  if (me.second_factor === "set_up_needed" || me.second_factor === "optional") return setUpFactor(me);
  goToStart(me);
}

async function signIn(form) {
  const username = form.username.value;
  const passphrase = form.passphrase.value;
  const asked = !$("second-factor-field").hidden;
  const second_factor = asked ? form.second_factor.value.trim() : undefined;
  const problem =
    checkFields(username, passphrase) ?? (second_factor === "" ? "login.error.no_factor_code" : null);
  showProblem(problem);
  if (problem) return;
  const answer = await post("auth/login", { username, passphrase, second_factor });
  if (answer?.ok) return signedIn(answer.body);
  const code = answer?.body?.error?.code;
  if (code === "second_factor_needed") {
    // The passphrase was right; staff with a second factor are asked for it.
    $("second-factor-field").hidden = false;
    put($("status"), "login.sign_in.factor_needed");
    form.second_factor.focus();
    return;
  }
  // Clear what was wrong so it isn't left on screen.
  if (code === "invalid_second_factor") form.second_factor.value = "";
  else form.passphrase.value = "";
  showProblem(answer ? messageFor(answer.body, WRONG_SIGN_IN) : OFFLINE);
}

// The code being used, once the server has said whose it is.
let code = null;

async function checkCode(form) {
  const typed = form.code.value.trim();
  if (!typed) return showProblem("login.error.no_code");
  const answer = await post("auth/code", { code: typed });
  if (!answer?.ok) return showProblem(answer ? messageFor(answer.body, WRONG_CODE) : OFFLINE);
  const who = answer.body;
  code = typed;
  const reset = who.purpose === "reset";
  put($("hello"), reset ? "login.choose.hello_reset" : "login.choose.hello_new", { name: who.first_name });
  $("new-username").textContent = who.username;
  put($("your-username"), "login.choose.your_username", { username: $("new-username") });
  $("choose-form").username.value = who.username;
  show("choose", reset ? "login.title.choose_new" : TITLES.choose);
}

async function choose(form) {
  const passphrase = form.passphrase.value;
  const problem = checkNew(passphrase, form.again.value, form.username.value);
  if (problem) {
    form.again.value = "";
    return showProblem(problem);
  }
  const answer = await post("auth/redeem", { code, passphrase });
  if (answer?.ok) return signedIn(answer.body);
  form.passphrase.value = "";
  form.again.value = "";
  showProblem(answer ? messageFor(answer.body, WRONG_CODE) : OFFLINE);
}

// Who is setting up their second factor.
let me = null;

async function setUpFactor(who) {
  me = who;
  show("factor");
  $("skip-box").hidden = me.second_factor !== "optional";
  const answer = await post("auth/second-factor/start");
  if (!answer?.ok) return showProblem(answer ? messageFor(answer.body) : OFFLINE);
  const svg = answer.body.qr_svg;
  // Our own server's SVG (src: crates/server/src/auth/one_time_code.rs).
  $("qr").innerHTML = svg.slice(svg.indexOf("<svg"));
  $("secret").textContent = answer.body.secret;
}

async function confirmFactor(form) {
  const typed = form.code.value.trim();
  if (!typed) return showProblem("login.error.no_factor_code");
  if (!$("secret").textContent) return setUpFactor(me);
  const answer = await post("auth/second-factor/confirm", { code: typed });
  if (!answer?.ok) {
    form.code.value = "";
    return showProblem(answer ? messageFor(answer.body, WRONG_FACTOR) : OFFLINE);
  }
  me.second_factor = "on";
  localStorage.setItem(SAVED_ME, JSON.stringify(me));
  const list = $("recovery-codes");
  for (const c of answer.body.codes) list.append(Object.assign(document.createElement("li"), { textContent: c }));
  show("recovery");
}

async function skipFactor() {
  const answer = await post("auth/second-factor/skip");
  if (answer?.ok) return goToStart(me);
  showProblem(answer ? messageFor(answer.body) : OFFLINE);
}

/** Quick exit: blank the page, then replace it so Back doesn't return. */
function exitNow(event) {
  event?.preventDefault();
  document.body.hidden = true;
  document.body.textContent = "";
  document.title = "";
  location.replace(EXIT_URL);
}

// Shift pressed 3 times within 5 seconds leaves, as in the app
// (src/lock/quick_exit.rs).
let shiftPresses = [];
function onKey(event) {
  if (event.repeat) return;
  if (event.key !== "Shift") {
    shiftPresses = [];
    return;
  }
  const now = Date.now();
  shiftPresses = shiftPresses.filter((t) => now - t <= 5000).concat(now);
  if (shiftPresses.length >= 3) exitNow();
}

onSubmit($("login"), "login.busy.signing_in", signIn);
onSubmit($("code-form"), "login.busy.checking", checkCode);
onSubmit($("choose-form"), "login.busy.saving", choose);
onSubmit($("factor-form"), "login.busy.checking", confirmFactor);
$("have-code").addEventListener("click", () => show("code"));
$("skip").addEventListener("click", skipFactor);
$("codes-saved").addEventListener("click", () => goToStart(me));
$("quick-exit").addEventListener("click", exitNow);
document.addEventListener("keydown", onKey);
$("language").addEventListener("change", (event) => chooseLanguage(event.target.value));
$("to-english").addEventListener("click", () => {
  chooseLanguage("en");
  // The button hides with the notice: keep her place.
  $("language").focus();
});
const params = new URLSearchParams(location.search);
const why = params.get("why");
if (why) $(`why-${why}`)?.removeAttribute("hidden");
// A session that ended (not a sign-out on purpose) leaves her unsent
// changes on this phone, sealed (src/vault): say so, with how many
// (src/store/engine/signals.rs note_unsent).
const unsent = Number(localStorage.getItem(UNSENT)) || 0;
if (!why && unsent > 0 && localStorage.getItem(VAULT)) {
  put($("why-kept"), "login.why.kept_unsent", { count: unsent });
  $("why-kept").removeAttribute("hidden");
}
// Not English: her language's words replace the page's when its file comes.
const first = firstLanguage();
if (first !== "en") useLanguage(first);
// A QR code from a PA opens /login?code=K7QM-4PXD.
const fromQr = params.get("code");
if (fromQr !== null) {
  $("code").value = fromQr;
  show("code");
}

// After Quick exit with no PIN, only her passphrase lets her back: the
// session is ended here too (locking a session with no PIN ends it), in
// case leaving could not tell the server.
const exited = localStorage.getItem(EXITED) !== null;
if (exited) fetch("/api/v1/auth/lock", { method: "POST", keepalive: true }).catch(() => {});
// Someone already signed in goes to their start page (not while the app
// lock still owes the server a sign-out: the app must end that session; not
// after Quick exit; not when a code was opened: it may be someone else's).
// Staff who must still set up their second factor do that first.
if (!localStorage.getItem(SIGN_OUT_OWED) && !exited && fromQr === null)
  fetch("/api/v1/me", { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })
    .then((r) => (r.ok ? r.json() : null))
    .then((who) => who && (who.second_factor === "set_up_needed" ? setUpFactor(who) : goToStart(who)))
    .catch(() => {});

// The service worker fetches the app while she types, so Home opens fast.
// Not before she starts (or 3 seconds after the page has loaded): on a slow
// line its 400 KB would otherwise compete with this page's own paint.
let workerStarted = false;
function startWorker() {
  if (workerStarted || !("serviceWorker" in navigator)) return;
  workerStarted = true;
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}
$("main").addEventListener("focusin", startWorker);
addEventListener("load", () => setTimeout(startWorker, 3000));
