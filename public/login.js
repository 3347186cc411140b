// The sign-in page's script (public/login.html). Plain JavaScript, so the
// page works before the wasm app has downloaded (issue 12). The app keeps the
// rest: src/auth/to_login.rs sends people here; after signing in, they go to
// their start page and the app takes over.
"use strict";

// The same limits as crates/model/src/auth.rs (USERNAME_MAX, PASSPHRASE_MAX).
const USERNAME_MAX = 100;
const PASSPHRASE_MAX = 200;
// Where each role starts (src/access.rs, landing_path).
const LANDING = { young_person: "/", advisor: "/caseload", manager: "/council" };
// localStorage keys the app reads (src/saved.rs ME, src/auth/owed.rs).
const SAVED_ME = "pathway.me";
const SIGN_OUT_OWED = "pathway.lock.sign_out_owed";
const EXIT_URL = "https://www.bbc.co.uk/weather";
// How long to wait for an answer before saying we can't reach Pathway
// (as ANSWER_WITHIN_MS in src/api.rs).
const ANSWER_WITHIN_MS = 20_000;

const OFFLINE = "We can't reach Pathway. Check you're online, then try again.";

/** Plain words for a refused sign-in: what happened and what to do. */
function messageFor(code) {
  switch (code) {
    case "invalid_credentials":
    case "validation_failed":
      return "Your username or passphrase is wrong. Check them and try again.";
    case "too_many_attempts":
      return "Too many tries. Wait a few minutes, then try again.";
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

function showProblem(text) {
  const box = document.getElementById("problem");
  box.textContent = "";
  if (text) {
    const p = document.createElement("p");
    p.className = "error-message";
    p.textContent = text;
    box.append(p);
  }
}

function setBusy(busy) {
  const button = document.getElementById("sign-in");
  button.disabled = busy;
  button.textContent = busy ? "Signing in…" : "Sign in";
}

async function signIn(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (form.dataset.busy === "yes") return;
  const username = form.username.value;
  const passphrase = form.passphrase.value;
  const problem = checkFields(username, passphrase);
  showProblem(problem);
  if (problem) return;
  form.dataset.busy = "yes";
  setBusy(true);
  let message = OFFLINE;
  try {
    const response = await fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, passphrase }),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    if (response.ok) {
      const me = await response.json();
      // A new session replaces any sign-out the app lock still owed, and
      // the app starts knowing who this is, even with no signal.
      localStorage.removeItem(SIGN_OUT_OWED);
      localStorage.setItem(SAVED_ME, JSON.stringify(me));
      location.replace(LANDING[me.role] ?? "/");
      return;
    }
    const body = await response.json().catch(() => null);
    message = messageFor(body?.error?.code);
  } catch {
    // No answer at all: offline, or the server is down.
  }
  // Clear the passphrase so a wrong one isn't left on screen.
  form.passphrase.value = "";
  showProblem(message);
  form.dataset.busy = "";
  setBusy(false);
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

document.getElementById("login").addEventListener("submit", signIn);
document.getElementById("quick-exit").addEventListener("click", exitNow);
document.addEventListener("keydown", onKey);
if (new URLSearchParams(location.search).get("why") === "pin") {
  document.getElementById("why-pin").hidden = false;
}

// Someone already signed in goes to their start page (not while the app
// lock still owes the server a sign-out: the app must end that session).
if (!localStorage.getItem(SIGN_OUT_OWED)) fetch("/api/v1/me", { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => me && location.replace(LANDING[me.role] ?? "/"))
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
document.getElementById("login").addEventListener("focusin", startWorker);
addEventListener("load", () => setTimeout(startWorker, 3000));
