// npm run prerender -- <out> [--content DIR]: publishes the site (dist/ and content/, after the build) into
// <out>, with a real page per post, feed.xml and sitemap.xml (scripts/publish/). Exit status 1, with each
// error's file, line and column, when a post has an error; warnings go to stderr.
import { fileURLToPath } from "node:url";
import { PublishError, publish } from "./publish/publish.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? null : args.splice(at, 2)[1];
};
const content = option("--content") ?? fileURLToPath(new URL("../content", import.meta.url));
const [out] = args;
if (!out) {
  console.error("usage: npm run prerender -- <out> [--content DIR]");
  process.exit(2);
}
const started = performance.now();
try {
  const { written, unchanged, pages } = await publish({ dist: fileURLToPath(new URL("../dist", import.meta.url)), content, out });
  console.log(`prerender: ${pages} post pages, ${written.length} files written, ${unchanged} unchanged, in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(error instanceof PublishError ? error.message : error);
  process.exit(1);
}
