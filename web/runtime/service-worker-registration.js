// Registers the service worker (dist/stills-sw.js, runtime/service-worker.js in the source) for the page
// of the site or editor that calls it. Not for a reader who asked browsers to save data: the worker keeps
// the whole build when it installs.

/** @returns {Promise<ServiceWorkerRegistration | null>} */
export function registerServiceWorker() {
  const connection = /** @type {{ saveData?: boolean } | undefined} */ (/** @type {any} */ (navigator).connection);
  if (!navigator.serviceWorker || connection?.saveData) return Promise.resolve(null);
  return navigator.serviceWorker.register(new URL("../stills-sw.js", import.meta.url));
}
