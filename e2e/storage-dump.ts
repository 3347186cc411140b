// Everything the browser keeps for Pathway's origin, as one string: every
// localStorage item and every value of every IndexedDB object store (bytes
// shown as text), as someone reading the phone's storage would find it.
import type { Page } from "@playwright/test";

export async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      parts.push(`localStorage ${key} = ${localStorage.getItem(key)}`);
    }
    const show = (v: unknown): string => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer) return new TextDecoder("latin1").decode(v);
      if (typeof v === "string") return v;
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const values: unknown[] = await new Promise((ok, fail) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
        for (const v of values) parts.push(`indexedDB ${info.name}/${name}: ${show(v)}`);
      }
      db.close();
    }
    return parts.join("\n");
  });
}
