// Steps for the account journeys (issue 13): a server of their own on an
// empty database, the command line that starts a council, codes redeemed on
// the sign-in page, and an authenticator app's codes worked out here.
import { openedOnDevice } from "./vault";
import { expect, type Page } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SERVER_BIN = process.env.PATHWAY_SERVER_BIN ?? resolve(__dirname, "../target/release/pathway-server");
const DIST = process.env.PATHWAY_DIST_DIR ?? resolve(__dirname, "../dist");

/** A pathway-server on an empty database (no --demo), as a council would
 *  start it. `run` calls its command line on the same database. */
export class EmptyServer {
  readonly base: string;
  private readonly env: NodeJS.ProcessEnv;
  private child?: ChildProcess;

  constructor(port: number) {
    this.base = `http://127.0.0.1:${port}`;
    const db = join(tmpdir(), `pathway-e2e-empty-${process.pid}-${Date.now()}.db`);
    this.env = {
      ...process.env,
      DATABASE_URL: `sqlite://${db}?mode=rwc`,
      PATHWAY_ADDR: `127.0.0.1:${port}`,
      PATHWAY_DIST: DIST,
      RUST_LOG: "warn",
    };
  }

  /** Runs `pathway-server ARGS…` and answers what it printed. */
  run(...args: string[]): string {
    return execFileSync(SERVER_BIN, args, { env: this.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  async start() {
    this.child = spawn(SERVER_BIN, ["serve"], { env: this.env, stdio: "ignore" });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.base}/api/v1/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the server did not start");
  }

  stop() {
    this.child?.kill("SIGTERM");
  }
}

/** The one-time code printed by the command line ("K7QM-4PXD"). */
export function codeIn(text: string): string {
  const found = text.match(/\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/);
  if (!found) throw new Error(`no code in: ${text}`);
  return found[0];
}

/** The 6 digits an authenticator app shows for a base32 secret now
 *  (RFC 6238: HMAC-SHA1, 30-second steps). Written here rather than taken
 *  from a package, so the server's library is checked against a second
 *  reading of the standard. `stepOffset` asks for the next step's code. */
export function totp(secret: string, stepOffset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/[\s=-]/g, "").toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  }
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + stepOffset));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return number.toString().padStart(6, "0");
}

/** On the sign-in page: "I have a code", the code, then a passphrase. */
export async function redeem(page: Page, base: string, code: string, passphrase: string) {
  if (!page.url().startsWith(`${base}/login`)) await page.goto(`${base}/login`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Pathway" })).toBeVisible();
  await page.getByRole("button", { name: "I have a code from my PA" }).click();
  await page.getByLabel("Your code").fill(code);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Your username is/)).toBeVisible();
  const username = (await page.locator("#new-username").textContent())!.trim();
  await page.getByLabel("Choose a passphrase").fill(passphrase);
  await page.getByLabel("Type it again").fill(passphrase);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  return username;
}

/** The second-factor step after a staff member's first sign-in: reads the
 *  secret off the screen as a person types it into their app, confirms
 *  with the app's code, and keeps the recovery codes. */
export async function setUpAuthenticator(page: Page): Promise<{ secret: string; recovery: string[] }> {
  await expect(page.getByRole("heading", { name: "Set up your authenticator app" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  // No way round it for a real staff account.
  await expect(page.getByRole("button", { name: /^Skip/ })).toBeHidden();
  const secret = (await page.locator("#secret").textContent())!.trim();
  await page.locator("#factor-code").fill(totp(secret));
  await page.getByRole("button", { name: "Turn it on" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const recovery = (await page.locator("#recovery-codes").innerText()).split(/\s+/).filter(Boolean);
  await page.getByRole("button", { name: "I've saved them, continue" }).click();
  return { secret, recovery };
}

/** How many records on this browser's own store (IndexedDB "pathway",
 *  sealed; opened as a script on the page could) belong to this young person. */
export async function recordsOnDeviceOf(page: Page, ownerId: string): Promise<number> {
  return (await openedOnDevice(page)).filter((r) => r.includes(`"owner_id":"${ownerId}"`)).length;
}

/** Everything in this browser's own store (IndexedDB "pathway"), counted
 *  over all its object stores: 0 once the phone is wiped. */
export async function itemsOnDevice(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open("pathway");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) return done(0);
          const tx = db.transaction(names);
          let total = 0;
          let left = names.length;
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onerror = () => fail(count.error);
            count.onsuccess = () => {
              total += count.result;
              if (--left === 0) done(total);
            };
          }
        };
      }),
  );
}
