// What a script running on Pathway's own page could read when there is no
// PIN (decision 0013 says so): the device key is usable by the page, so it
// opens the data key, and the data key opens the records. Tests use it to
// check what the phone holds now that everything is sealed at rest.
import type { Page } from "@playwright/test";

/** Every value of every store of the "pathway" database, and every sealed
 *  copy in localStorage, opened, as text (empty when there is nothing, or
 *  no key that opens it). */
export async function openedOnDevice(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const all = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const wraps = JSON.parse(localStorage.getItem("pathway.vault") ?? "{}");
    if (!wraps.device) return [];
    const keyDb = await open("pathway-key");
    const device = keyDb.objectStoreNames.contains("key")
      ? ((await all(keyDb, "key"))[0] as CryptoKey | undefined)
      : undefined;
    keyDb.close();
    if (!device) return [];
    const bytes = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
    const unseal = async (key: CryptoKey, b: Uint8Array) =>
      new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: b.subarray(0, 12) }, key, b.subarray(12)));
    const raw = await unseal(device, bytes(wraps.device));
    const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    const db = await open("pathway");
    const out: string[] = [];
    for (const store of Array.from(db.objectStoreNames)) {
      for (const v of await all(db, store)) out.push(new TextDecoder().decode(await unseal(key, v as Uint8Array)));
    }
    db.close();
    for (const k of Object.keys(localStorage)) {
      const v = localStorage.getItem(k) ?? "";
      if (k.startsWith("pathway.") && /^([0-9a-f]{2}){13,}$/.test(v)) {
        try {
          out.push(new TextDecoder().decode(await unseal(key, bytes(v))));
        } catch {
          // Not one of the vault's (a wrapped key, say).
        }
      }
    }
    return out;
  });
}
