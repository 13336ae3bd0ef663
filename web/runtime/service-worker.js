// The service worker of a stills site and its editor (served as dist/stills-sw.js, so its scope is the
// site's folder). Two kinds of file:
// - the build's own (pages, code, styles, wasm), which scripts/write-sw.mjs lists below with a version:
//   each kept the first time a page loads it and answered from that copy after, so a repeat visit loads
//   no code (and a reader never downloads the editor's). A new build is a new worker: it takes over at
//   the next visit and drops the old copies. (A file first loaded after a new build went up is the new
//   one, as it would be without a worker; the new worker replaces the mix within that page's life);
// - everything else (posts, index.yaml, photos) comes from the network, so a post is never stale. For the
//   editor, which works offline once loaded, a copy is kept and answered when the network does not
//   answer (a Range request from a whole file kept); the site's own requests go by untouched, as
//   without a worker: copying every photo a reader sees would cost each visit more than it saves.
const BUILD = { version: "unbuilt", files: [] };  // written by scripts/write-sw.mjs
const CODE = `stills-code-${BUILD.version}`;
const CONTENT = "stills-content";
// The worker's global scope (tsc checks web/ with the DOM's types, which have no service workers).
const worker = /** @type {any} */ (self);
const scope = new URL("./", worker.location.href);
const code = new Set(BUILD.files.map((file) => new URL(file, scope).href));
const editor = new URL("editor.html", scope).href;

worker.addEventListener("install", () => worker.skipWaiting());

worker.addEventListener("activate", (/** @type {any} */ event) => event.waitUntil((async () => {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name !== CODE && name !== CONTENT).map((name) => caches.delete(name)));
  await worker.clients.claim();
})()));

// The build's file a request asks for (the site's folder itself is its index.html), or null.
function buildFile(requestUrl, navigation) {
  const url = new URL(requestUrl, scope);
  url.search = url.hash = "";
  if (navigation && url.href === scope.href) url.href = new URL("index.html", scope).href;
  return code.has(url.href) ? url.href : null;
}

// The page that registered the worker loaded its code before the worker was there: it sends its own
// address and what it loaded, and the build's files among them are kept now rather than at the next visit.
worker.addEventListener("message", (/** @type {any} */ event) => {
  const { page, loaded } = event.data ?? {};
  if (typeof page !== "string" || !Array.isArray(loaded)) return;
  const files = [buildFile(page, true), ...loaded.map((url) => (typeof url === "string" ? buildFile(url, false) : null))];
  event.waitUntil(keep(files.filter((file) => file !== null)));
});

async function keep(urls) {
  const cache = await caches.open(CODE);
  for (const url of urls) {
    if (!(await cache.match(url))) await cache.add(url).catch(() => {});  // a file gone since is left out
  }
}

worker.addEventListener("fetch", (/** @type {any} */ event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== scope.origin) return;
  const file = buildFile(request.url, request.mode === "navigate");
  if (file) event.respondWith(fromBuild(request, file));
  else if (request.referrer.replace(/[?#].*$/, "") === editor) event.respondWith(fromNetwork(request));
});

async function fromBuild(request, url) {
  const cache = await caches.open(CODE);
  const kept = await cache.match(url);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.status === 200) cache.put(url, response.clone()).catch(() => {});
  return response;
}

async function fromNetwork(request) {
  const cache = await caches.open(CONTENT);
  const range = request.headers.get("range");
  try {
    const response = await fetch(request);
    if (response.status === 200 && !range) cache.put(request, response.clone()).catch(() => {});
    return response;
  } catch (offline) {
    const kept = await cache.match(request.url);
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
