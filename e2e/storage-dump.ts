// Everything a page's origin keeps in the browser, as one string, so a test
// can say what must not be in it: local and session storage, and every
// record of every IndexedDB database. Bytes (ArrayBuffer, typed arrays) are
// read as text, so words kept as plain bytes are found too, and ciphertext
// shows as noise.
import type { Page } from "@playwright/test";

export async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const asText = (_key: string, value: unknown) => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value as ArrayBufferView);
      return value;
    };
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
    const all: Record<string, unknown> = {
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await ask(indexedDB.open(name));
      const stores: Record<string, unknown> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await ask(db.transaction(store).objectStore(store).getAll());
      }
      db.close();
      all[`indexedDB ${name}`] = stores;
    }
    return JSON.stringify(all, asText);
  });
}
