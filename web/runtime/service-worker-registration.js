// Registers the service worker (dist/stills-sw.js, runtime/service-worker.js in the source) for the page
// of the site or editor that calls it, and tells it which files the page has loaded (before the worker
// was there), so that the next visit takes them from it.

/** @returns {Promise<ServiceWorkerRegistration | null>} */
export async function registerServiceWorker() {
  if (!navigator.serviceWorker) return null;
  const registration = await navigator.serviceWorker.register(new URL("../stills-sw.js", import.meta.url));
  const { active } = await navigator.serviceWorker.ready;
  active?.postMessage({ page: location.href, loaded: performance.getEntriesByType("resource").map((entry) => entry.name) });
  return registration;
}
