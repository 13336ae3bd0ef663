// The editor's service worker (served as dist/editor-sw.js, so its scope is the site's folder): every
// same-origin file the editor loads is kept, so once loaded it works offline. Files come from the
// network when it answers (and are kept fresh), from the cache when it does not. A Range request is
// answered from a whole file in the cache when the network is gone.
const CACHE = "stills-editor-v1";
// The worker's global scope (tsc checks web/ with the DOM's types, which have no service workers).
const worker = /** @type {any} */ (self);

worker.addEventListener("install", () => worker.skipWaiting());
worker.addEventListener("activate", (/** @type {any} */ event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener("fetch", (/** @type {any} */ event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== worker.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const range = request.headers.get("range");
  try {
    const response = await fetch(request);
    if (response.status === 200 && !range) cache.put(request, response.clone()).catch(() => {});
    return response;
  } catch (offline) {
    const kept = await cache.match(request.url, { ignoreSearch: false });
    if (!kept) throw offline;
    return range ? slice(kept, range) : kept;
  }
}

// A 206 answer to `bytes=a-b` (or `bytes=a-`) from a whole file.
async function slice(response, range) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const [, first, last] = /^bytes=(\d+)-(\d*)$/.exec(range) ?? [];
  const start = Number(first ?? 0);
  if (first === undefined || start >= bytes.length) {
    return new Response(null, { status: 416, headers: { "content-range": `bytes */${bytes.length}` } });
  }
  const end = Math.min(bytes.length - 1, last ? Number(last) : bytes.length - 1);
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: { "content-type": response.headers.get("content-type") ?? "", "content-range": `bytes ${start}-${end}/${bytes.length}` },
  });
}
