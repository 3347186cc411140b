// The vault's work, in the browser's own language (decision 0013): WebCrypto
// and IndexedDB are promise APIs, and binding each of their calls from Rust
// cost about 12 KB (brotli) more wasm on every young person's first visit;
// this file is a small fraction of that. src/vault/mod.rs is its one user.
//
// One random data key (AES-256-GCM) seals everything the app keeps on the
// device. It is stored only wrapped: by a key made from her PIN (PBKDF2,
// SHA-256), or, with no PIN, by a device key the browser made and will not
// give out (non-extractable, in its own IndexedDB database).

const WRAPS = "pathway.vault";
// The PIN's hash as an earlier version kept it, before the vault.
const OLD_PIN = "pathway.lock.pin";
const ITERATIONS = 210000;
const KEY_DB = "pathway-key";

let dataKey = null;
let dataRaw = null;
// An old unsealed value was read: the caller seals everything again.
let sawPlain = false;

const subtle = () => crypto.subtle;
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
function unhex(t) {
  if (typeof t !== "string" || !/^([0-9a-f]{2})*$/.test(t)) throw new Error("wont_open");
  return new Uint8Array((t.match(/../g) ?? []).map((h) => parseInt(h, 16)));
}
function readWraps() {
  try {
    return JSON.parse(localStorage.getItem(WRAPS)) ?? {};
  } catch {
    return {};
  }
}
const writeWraps = (w) => localStorage.setItem(WRAPS, JSON.stringify(w));

const aesKey = (raw) => subtle().importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);

async function seal(key, bytes) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body = new Uint8Array(await subtle().encrypt({ name: "AES-GCM", iv }, key, bytes));
  const out = new Uint8Array(12 + body.length);
  out.set(iv);
  out.set(body, 12);
  return out;
}

async function unseal(key, stored) {
  if (!(stored instanceof Uint8Array) || stored.length < 12) throw new Error("wont_open");
  try {
    return new Uint8Array(await subtle().decrypt({ name: "AES-GCM", iv: stored.subarray(0, 12) }, key, stored.subarray(12)));
  } catch {
    // Another key, or changed on disk: AES-GCM's tag does not match.
    throw new Error("wont_open");
  }
}

async function pinBits(pin, salt, iterations) {
  const base = await subtle().importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await subtle().deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, 256));
}

// One request on the key database, answered once its transaction is done.
function keyDb(mode, act) {
  return new Promise((ok, fail) => {
    const open = indexedDB.open(KEY_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("key");
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction("key", mode);
      const req = act(tx.objectStore("key"));
      tx.oncomplete = () => {
        db.close();
        ok(req.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        fail(tx.error);
      };
    };
  });
}

async function keep(raw) {
  dataKey = await aesKey(raw);
  dataRaw = raw;
}

async function wrapWithDevice(raw) {
  const device = await subtle().generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  const wrapped = await seal(device, raw);
  await keyDb("readwrite", (s) => s.put(device, "device"));
  writeWraps({ device: hex(wrapped) });
}

export const vaultIsOpen = () => dataKey !== null;
export const vaultHasPin = () => !!readWraps().pin || localStorage.getItem(OLD_PIN) !== null;
export const vaultIsWrapsKey = (key) => key === WRAPS || key === OLD_PIN;

// Opens the data key with the device key when no PIN guards it, or makes a
// new one (a first start, after a wipe, or a key that no longer opens).
// False when a PIN guards it.
export async function vaultOpenAtStart() {
  if (dataKey) return true;
  const w = readWraps();
  if (vaultHasPin()) return false;
  try {
    const device = await keyDb("readonly", (s) => s.get("device"));
    if (device && w.device) {
      await keep(await unseal(device, unhex(w.device)));
      return true;
    }
  } catch {
    // Falls through to a new key.
  }
  const raw = crypto.getRandomValues(new Uint8Array(32));
  await keep(raw);
  await wrapWithDevice(raw);
  return true;
}

// Opens the data key with a PIN: false when it is not the one set.
export async function vaultOpenWithPin(pin) {
  const old = localStorage.getItem(OLD_PIN);
  if (old !== null) return openWithOldPin(pin, old);
  const p = readWraps().pin;
  if (!p) return false;
  try {
    const key = await aesKey(await pinBits(pin, unhex(p.salt), p.iterations));
    await keep(await unseal(key, unhex(p.key)));
    return true;
  } catch (e) {
    if (e.message === "wont_open") return false;
    throw e;
  }
}

// A PIN set before the vault: its hash is checked as before; if right, a new
// data key is made and wrapped by it, and the old hash goes.
async function openWithOldPin(pin, old) {
  const { salt, hash, iterations } = JSON.parse(old);
  if (hex(await pinBits(pin, unhex(salt), iterations)) !== hash) return false;
  await keep(crypto.getRandomValues(new Uint8Array(32)));
  await vaultSetPin(pin);
  localStorage.removeItem(OLD_PIN);
  return true;
}

export async function vaultSetPin(pin) {
  if (!dataRaw) throw new Error("closed");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapped = await seal(await aesKey(await pinBits(pin, salt, ITERATIONS)), dataRaw);
  writeWraps({ pin: { salt: hex(salt), iterations: ITERATIONS, key: hex(wrapped) } });
  await keyDb("readwrite", (s) => s.delete("device"));
}

export async function vaultRemovePin() {
  if (!dataRaw) throw new Error("closed");
  await wrapWithDevice(dataRaw);
}

export async function vaultForget() {
  dataKey = null;
  dataRaw = null;
  localStorage.removeItem(WRAPS);
  localStorage.removeItem(OLD_PIN);
  await keyDb("readwrite", (s) => s.delete("device")).catch(() => {});
}

// Years of records are a thousand values: started all in one task, the
// crypto calls alone held the page for over 50 ms on a slow phone. A
// hundred at a time, with the browser's turn between.
const SLICE = 100;
async function inSlices(items, f) {
  const out = [];
  for (let i = 0; i < items.length; i += SLICE) {
    if (i > 0) await new Promise((go) => setTimeout(go, 0));
    out.push(...(await Promise.all(items.slice(i, i + SLICE).map(f))));
  }
  return out;
}

// Seals answer in the order they were asked: the store starts each write's
// transaction as soon as its values are sealed, and IndexedDB runs them in
// that order, so a pull worked out before a change she made meanwhile
// never lands after it. (An empty call just takes its place in line.)
let line = Promise.resolve();
export function vaultSealAll(texts) {
  const mine = line.then(() => {
    if (!dataKey && texts.length) throw new Error("closed");
    const enc = new TextEncoder();
    return inSlices(texts, (t) => seal(dataKey, enc.encode(t)));
  });
  line = mine.catch(() => {});
  return mine;
}

// Opens stored values back to text. A value an earlier version stored as
// plain text is given as it is, and noted (`vaultTakeSawPlain`).
export async function vaultOpenAll(values) {
  if (!dataKey) throw new Error("closed");
  const dec = new TextDecoder();
  return inSlices(values, async (v) => {
    if (typeof v === "string") {
      sawPlain = true;
      return v;
    }
    return dec.decode(await unseal(dataKey, v));
  });
}

export function vaultTakeSawPlain() {
  const saw = sawPlain;
  sawPlain = false;
  return saw;
}

// For localStorage, which holds text: sealed bytes as hex.
export async function vaultSealText(text) {
  return hex((await vaultSealAll([text]))[0]);
}

export async function vaultOpenText(text) {
  if (!dataKey) throw new Error("closed");
  if (text.startsWith("{") || text.startsWith("[")) {
    sawPlain = true;
    return text;
  }
  return new TextDecoder().decode(await unseal(dataKey, unhex(text)));
}
