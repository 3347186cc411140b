// Steps the account journeys share (issue 13): a PA or manager making a
// one-time code through the API, the authenticator app's code, and what the
// phone keeps.
import { type APIRequestContext, type Page, expect, request } from "@playwright/test";
import { createHmac } from "node:crypto";
import { PASSPHRASE } from "./support";

export type OneTimeCode = { person_id: string; first_name: string; username: string; code: string; purpose: string };

/** A signed-in API client (its own cookies, not the page's). */
export async function apiAs(baseURL: string, username: string, passphrase = PASSPHRASE): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const r = await api.post("/api/v1/auth/login", { data: { username, passphrase } });
  expect(r.status(), `${username} signs in`).toBe(200);
  return api;
}

/** Sam, the demo PA, registers a young person and gets her invite code. */
export async function inviteYoungPerson(baseURL: string, firstName: string, lastName: string): Promise<OneTimeCode> {
  const sam = await apiAs(baseURL, "pa.sam");
  const r = await sam.post("/api/v1/caseload", {
    data: { first_name: firstName, last_name: lastName, date_of_birth: "2006-05-01", status: "former_relevant", circumstances: [] },
  });
  expect(r.status()).toBe(200);
  const code = (await r.json()) as OneTimeCode;
  await sam.dispose();
  return code;
}

/** A young person who has chosen her passphrase (redeemed on another
 *  device: an API client, left signed in). */
export async function youngPersonWithPassphrase(baseURL: string, firstName: string, lastName: string, passphrase: string) {
  const invite = await inviteYoungPerson(baseURL, firstName, lastName);
  const elsewhere = await request.newContext({ baseURL });
  const r = await elsewhere.post("/api/v1/auth/redeem", { data: { code: invite.code, passphrase } });
  expect(r.status()).toBe(200);
  return { username: invite.username, elsewhere };
}

/** The Liverpool manager adds a PA and gets their set-up code. */
export async function addAdvisor(baseURL: string, firstName: string, lastName: string): Promise<OneTimeCode> {
  const manager = await apiAs(baseURL, "manager.liverpool");
  const r = await manager.post("/api/v1/council/staff", {
    data: { first_name: firstName, last_name: lastName, role: "advisor" },
  });
  expect(r.status()).toBe(200);
  const code = (await r.json()) as OneTimeCode;
  await manager.dispose();
  return code;
}

/** What an authenticator app shows now for `secret` (RFC 6238: SHA-1, 6
 *  digits, 30 seconds), `stepsAhead` steps later. */
export function totp(secret: string, stepsAhead = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + stepsAhead));
  const mac = createHmac("sha1", key).update(counter).digest();
  const at = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** What Pathway keeps on this phone: its local storage keys, and the
 *  records in its database. */
export async function keptOnPhone(page: Page): Promise<{ keys: string[]; records: number }> {
  return page.evaluate(async () => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith("pathway."));
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open("pathway");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    let records = 0;
    if (db.objectStoreNames.contains("records")) {
      records = await new Promise<number>((ok, fail) => {
        const count = db.transaction("records").objectStore("records").count();
        count.onsuccess = () => ok(count.result);
        count.onerror = () => fail(count.error);
      });
    }
    db.close();
    return { keys, records };
  });
}
