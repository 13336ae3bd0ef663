// Drafts in IndexedDB: every change is kept, so a reload or a crash loses nothing. A draft is keyed by
// the post it edits (its path on the site, or "new:<time>" for a new one).

const DATABASE = "stills-editor";
const STORE = "drafts";

/** @typedef {{ id: string, text: string, title: string, saved: number }} Draft */

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(mode, work) {
  const database = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/** @param {Draft} draft */
export const saveDraft = (draft) => inStore("readwrite", (store) => store.put(draft));
/** @param {string} id @returns {Promise<Draft | undefined>} */
export const loadDraft = (id) => inStore("readonly", (store) => store.get(id));
/** @returns {Promise<Draft[]>} */
export const listDrafts = () => inStore("readonly", (store) => store.getAll());
/** @param {string} id */
export const deleteDraft = (id) => inStore("readwrite", (store) => store.delete(id));
