// The sign-in page's script (public/login.html). Plain JavaScript, so the
// page works before the wasm app has downloaded (issue 12). The app keeps the
// rest: src/auth/to_login.rs sends people here; after signing in, they go to
// their start page and the app takes over. Besides signing in, it takes a
// code from a PA (choose a passphrase), and walks staff through setting up
// their second factor (issue 13).
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

const OFFLINE = "We can't reach Pathway. Check you're online, then try again.";
const WRONG_SIGN_IN = "Your username or passphrase is wrong. Check them and try again.";
const WRONG_CODE =
  "That code doesn't work. It may be used, out of date, or replaced by a newer one. Ask your PA for a new code.";
const WRONG_FACTOR = "That code is wrong or has been used. Check the app and try again.";
// Each step's heading (login.html: one step shows at a time).
const TITLES = {
  "sign-in": "Sign in to Pathway",
  code: "Use a code from your PA",
  choose: "Choose your passphrase",
  factor: "Set up your authenticator app",
  recovery: "Save your recovery codes",
};

const $ = (id) => document.getElementById(id);

/** Plain words for a refused request: what happened and what to do.
 *  `wrong` is what a wrong entry means on this form. */
function messageFor(body, wrong) {
  const error = body?.error ?? {};
  switch (error.code) {
    case "invalid_credentials":
    case "validation_failed":
      return wrong;
    case "too_many_attempts":
      return "Too many tries. Wait a few minutes, then try again.";
    case "code_not_valid":
      return WRONG_CODE;
    case "invalid_second_factor":
      return WRONG_FACTOR;
    case "weak_passphrase":
      // The server's words are already for the person choosing.
      return error.message || wrong;
    default:
      return "Something went wrong on our side. Try again in a minute.";
  }
}

/** What is wrong before asking the server, or null. */
function checkFields(username, passphrase) {
  const name = username.trim();
  if (name === "") return "Enter your username.";
  if ([...name].length > USERNAME_MAX) return "That username is too long. Check it and try again.";
  if (passphrase === "") return "Enter your passphrase.";
  if ([...passphrase].length > PASSPHRASE_MAX) return "That passphrase is too long. Check it and try again.";
  return null;
}

/** A new passphrase's problem, as the server would say it (it also checks
 *  a list of common ones), or null. */
function checkNew(passphrase, again, username) {
  const length = [...passphrase].length;
  if (length < PASSPHRASE_MIN) return "Your passphrase needs at least 8 characters. Try a few words together.";
  if (length > PASSPHRASE_MAX) return "Your passphrase can have up to 200 characters. Try a shorter one.";
  if (username && passphrase.toLowerCase().includes(username)) return "Your passphrase has your username in it. Choose something else.";
  if (passphrase !== again) return "The two passphrases are not the same. Type it again in both boxes.";
  return null;
}

/** Shows a problem at the top (or clears it), and moves focus there so a
 *  screen reader reads it first. */
function showProblem(text) {
  const box = $("problem");
  box.textContent = "";
  if (text) {
    const p = document.createElement("p");
    p.className = "error-message";
    p.textContent = text;
    box.append(p);
    box.focus();
  }
}

/** Shows one step, with its heading, and starts a screen reader there. */
function show(step, title = TITLES[step]) {
  for (const name of Object.keys(TITLES)) $(`step-${name}`).hidden = name !== step;
  $("title").textContent = title;
  document.title = `${title} - Pathway`;
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
 *  `busyWords` meanwhile. */
function onSubmit(form, busyWords, run) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.dataset.busy) return;
    form.dataset.busy = "yes";
    const button = form.querySelector("[type=submit]");
    const words = button.textContent;
    button.disabled = true;
    button.textContent = busyWords;
    try {
      await run(form);
    } finally {
      form.dataset.busy = "";
      button.disabled = false;
      button.textContent = words;
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
    checkFields(username, passphrase) ?? (second_factor === "" ? "Enter the code from your authenticator app." : null);
  showProblem(problem);
  if (problem) return;
  const answer = await post("auth/login", { username, passphrase, second_factor });
  if (answer?.ok) return signedIn(answer.body);
  const code = answer?.body?.error?.code;
  if (code === "second_factor_needed") {
    // The passphrase was right; staff with a second factor are asked for it.
    $("second-factor-field").hidden = false;
    $("status").textContent = "Now type the code from your authenticator app.";
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
  if (!typed) return showProblem("Enter the code your PA gave you.");
  const answer = await post("auth/code", { code: typed });
  if (!answer?.ok) return showProblem(answer ? messageFor(answer.body, WRONG_CODE) : OFFLINE);
  const who = answer.body;
  code = typed;
  const reset = who.purpose === "reset";
  $("hello").textContent = reset
    ? `Hi ${who.first_name}. You keep everything you had.`
    : `Welcome to Pathway, ${who.first_name}.`;
  $("new-username").textContent = who.username;
  $("choose-form").username.value = who.username;
  show("choose", reset ? "Choose a new passphrase" : TITLES.choose);
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
  if (!typed) return showProblem("Enter the code from your authenticator app.");
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

onSubmit($("login"), "Signing in…", signIn);
onSubmit($("code-form"), "Checking…", checkCode);
onSubmit($("choose-form"), "Saving…", choose);
onSubmit($("factor-form"), "Checking…", confirmFactor);
$("have-code").addEventListener("click", () => show("code"));
$("skip").addEventListener("click", skipFactor);
$("codes-saved").addEventListener("click", () => goToStart(me));
$("quick-exit").addEventListener("click", exitNow);
document.addEventListener("keydown", onKey);
const params = new URLSearchParams(location.search);
const why = params.get("why");
if (why) $(`why-${why}`)?.removeAttribute("hidden");
// A session that ended (not a sign-out on purpose) leaves her unsent
// changes on this phone, sealed (src/vault): say so, with how many
// (src/store/engine/signals.rs note_unsent).
const unsent = Number(localStorage.getItem(UNSENT)) || 0;
if (!why && unsent > 0 && localStorage.getItem(VAULT)) {
  if (unsent === 1)
    $("why-kept").textContent =
      "You were signed out. 1 change you made on this phone was not sent yet. It is kept safe and locked. Sign in again to send it.";
  else
    $("why-kept").textContent = `You were signed out. ${unsent} changes you made on this phone were not sent yet. They are kept safe and locked. Sign in again to send them.`;
  $("why-kept").removeAttribute("hidden");
}
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
