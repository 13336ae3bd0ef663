// Widgets show what they laid out in document order: one that is ready waits for the widgets above it
// that are still loading, so an earlier one growing never moves a later one already painted (several
// widgets committing on their own shift each other). Widgets ready together commit in the same frame.
// A widget above that takes longer than MAX_WAIT_MS is waited for no longer.

const MAX_WAIT_MS = 1500;

/** @typedef {{ element: Element, ready: boolean, release: (() => void) | null }} Entry */

/** @type {Set<Entry>} widgets loading, in no order */
const loading = new Set();

const documentOrder = (/** @type {Entry} */ a, /** @type {Entry} */ b) =>
  a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

function commitReady() {
  for (const entry of [...loading].sort(documentOrder)) {
    if (!entry.ready) return;  // still loading: every widget below it waits
    loading.delete(entry);
    entry.release?.();
  }
}

/**
 * A place in the queue for `element`, which has started loading.
 * @param {Element} element
 */
export function enterQueue(element) {
  /** @type {Entry} */
  const entry = { element, ready: false, release: null };
  loading.add(entry);
  return {
    /** Resolves when no widget above is still loading (or after MAX_WAIT_MS). */
    turn() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          loading.delete(entry);
          commitReady();
          resolve(undefined);
        }, MAX_WAIT_MS);
        entry.ready = true;
        entry.release = () => {
          clearTimeout(timer);
          resolve(undefined);
        };
        commitReady();
      });
    },
    /** Leaves the queue without committing (the widget went, or will render something else). */
    leave() {
      if (!loading.delete(entry)) return;
      entry.release?.();
      commitReady();
    },
  };
}
