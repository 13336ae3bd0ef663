// Drafts in IndexedDB: every change is kept, so a reload or a crash loses nothing. A draft is keyed by
// the post it edits (its path on the site, or "new:<time>" for a new one). Photos dropped into a draft
// are kept beside it, by the path its frontmatter gives them.

const DATABASE = "stills-editor";
const DRAFTS = "drafts";
const PHOTOS = "photos";

/**
 * @typedef {{ id: string, text: string, title: string, saved: number }} Draft
 * @typedef {{ path: string, draft: string, bytes: Uint8Array, saved: number }} LocalPhoto
 */

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 2);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(DRAFTS)) database.createObjectStore(DRAFTS, { keyPath: "id" });
      if (!database.objectStoreNames.contains(PHOTOS)) database.createObjectStore(PHOTOS, { keyPath: "path" }).createIndex("draft", "draft");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(store, mode, work) {
  const database = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = database.transaction(store, mode);
      const result = work(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(result.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/** @param {Draft} draft */
export const saveDraft = (draft) => inStore(DRAFTS, "readwrite", (store) => store.put(draft));
/** @param {string} id @returns {Promise<Draft | undefined>} */
export const loadDraft = (id) => inStore(DRAFTS, "readonly", (store) => store.get(id));
/** @returns {Promise<Draft[]>} */
export const listDrafts = () => inStore(DRAFTS, "readonly", (store) => store.getAll());
/** @param {string} id the draft and its photos */
export async function deleteDraft(id) {
  await inStore(PHOTOS, "readwrite", (store) => {
    const cursor = store.index("draft").openCursor(IDBKeyRange.only(id));
    cursor.onsuccess = () => {
      cursor.result?.delete();
      cursor.result?.continue();
    };
    return cursor;
  });
  return inStore(DRAFTS, "readwrite", (store) => store.delete(id));
}
/** @param {LocalPhoto} photo */
export const savePhoto = (photo) => inStore(PHOTOS, "readwrite", (store) => store.put(photo));
/** @param {string} draft @returns {Promise<LocalPhoto[]>} */
export const draftPhotos = (draft) => inStore(PHOTOS, "readonly", (store) => store.index("draft").getAll(draft));
