// A plain static server for the demo and the browser tests: dist/ and content/ overlaid at the root,
// as a static host would serve them once copied into one folder. sirv sets MIME types (.wasm, .avif),
// honours Range requests and sends the precompressed .br/.gz files the build writes.
import http from "node:http";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

const root = fileURLToPath(new URL("..", import.meta.url));

function notFound(response) {
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  response.end("not found\n");
}

// A path with a segment starting with "." (.git, .env, ../) is never served.
function isHidden(url) {
  try {
    return decodeURIComponent(new URL(url, "http://x").pathname).split("/").some((part) => part.startsWith("."));
  } catch {
    return true;  // a bad percent-escape names no file of ours
  }
}

// A Range that is not one well-formed byte range with its last byte at or after its first is ignored,
// as RFC 9110 allows: the whole file is sent. (sirv would throw on bytes=500-100 and end the server.)
function dropBadRange(request) {
  const range = request.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  const [first, last] = match ? [match[1], match[2]] : ["", ""];
  if (!match || (first === "" && last === "") || (first !== "" && last !== "" && Number(last) < Number(first))) {
    delete request.headers.range;
  }
}

// `prefix`: serve the site from a sub-folder (say "/blog/") instead of the root, as many hosts do.
// `cors`: let pages of any origin read every file (what a host that others embed posts from sends).
// `content`: the folder of the repository served as the site's content (benchmarks make sites of their own).
// `folders`: more folders of the repository overlaid after those two (benchmarks serve their pages so).
export function startServer({ port = 8080, host = "127.0.0.1", prefix = "/", cors = false, content = "content", folders = [] } = {}) {
  const roots = ["dist", content, ...folders].map((dir) => sirv(root + dir, { dev: true, dotfiles: false, gzip: true, brotli: true }));
  const server = http.createServer((request, response) => {
    if (!request.url.startsWith(prefix) || isHidden(request.url)) return notFound(response);
    if (cors) {
      response.setHeader("access-control-allow-origin", "*");
      response.setHeader("access-control-expose-headers", "content-range");  // a photo's size, from a Range reply
    }
    dropBadRange(request);
    request.url = "/" + request.url.slice(prefix.length);
    let next = 0;
    const tryNext = () => {
      if (next < roots.length) return roots[next++](request, response, tryNext);
      notFound(response);
    };
    tryNext();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portFlag = process.argv.indexOf("--port");
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 8080;
  const server = await startServer({ port });
  const { address, port: bound } = server.address();
  console.log(`stills demo: http://${address}:${bound}/`);
}
