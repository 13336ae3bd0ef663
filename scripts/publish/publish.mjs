// The publish step: the site (dist/ and content/) copied to a folder, with what readers and crawlers
// without JS need added: posts/<slug>/index.html (and its oembed.json) for every post index.yaml lists,
// feed.xml and sitemap.xml. The same core as the site's (dist/stills.js in node). A post with an error stops it, naming
// file, line and column, before anything is written; a photo it cannot read is a warning. Files whose
// bytes would not change are not written again.
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { atomFeed, feedLink, sitemap } from "./feeds.mjs";
import { oembed, postPage } from "./post-page.mjs";

const distUrl = new URL("../../dist/", import.meta.url);
const { createStills } = await import(new URL("stills.js", distUrl).href);
const { readSettings } = await import(new URL("site/settings.js", distUrl).href);
const { listedPosts } = await import(new URL("runtime/site-index.js", distUrl).href);
const { publishedHref, slugOf } = await import(new URL("site/routes.js", distUrl).href);

const STAND_IN = "https://stills.invalid/";  // the site's address while it has no url of its own
const FALLBACK_SIZE = { width: 1500, height: 1000 };  // a photo that cannot be read keeps a 3:2 box

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name))).sort();
}

export class PublishError extends Error {}

/**
 * @param {{ dist: string, content: string, out: string, warn?: (line: string) => void }} folders
 * @returns {Promise<{ written: string[], unchanged: number, pages: number }>} written: paths under `out`
 */
export async function publish({ dist, content, out, warn = console.warn }) {
  const stills = await createStills();
  const indexText = await readFile(join(content, "index.yaml"), "utf8");
  const index = stills.parseYaml(indexText);
  const { settings, diagnostics } = readSettings(index.value, indexText, new URL(STAND_IN));
  for (const d of [...index.diagnostics, ...diagnostics]) warn(`${join(content, "index.yaml")}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  if (!settings.url) warn(`${join(content, "index.yaml")}: no url: the feed and pages link relatively, and no sitemap is written`);
  const site = settings.url ?? STAND_IN;
  const paths = listedPosts(index.value);
  const links = new Map(paths.map((path) => [new URL(path, site).href, publishedHref(slugOf(path))]));

  // Every post read and checked before anything is written.
  const errors = [];
  const posts = [];
  for (const path of paths) {
    const file = join(content, path);
    const post = stills.parsePost(await readFile(file), { url: new URL(path, site).href, base: site });
    for (const d of post.diagnostics) {
      const line = `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
      if (d.severity === "error") errors.push(line);
      else warn(line);
    }
    posts.push({ path, file, slug: slugOf(path), post, sizes: await photoSizes(stills, post, { site, content, file, warn }) });
  }
  if (errors.length) throw new PublishError(`not published: ${errors.length} error${errors.length === 1 ? "" : "s"}\n${errors.join("\n")}`);

  const files = new Map();  // path under out -> bytes
  for (const [folder, root] of [[dist, dist], [content, content]]) {
    for (const path of await filesUnder(folder)) files.set(path, () => readFile(join(root, path)));
  }
  const shell = await readFile(join(dist, "index.html"), "utf8");
  // The site's own page names the feed too (with its precompressed copies, which a host prefers).
  const home = shell.replace("</head>", `  ${feedLink(settings)}\n</head>`);
  files.set("index.html", () => home);
  files.set("index.html.gz", () => gzipSync(home, { level: 9 }));
  files.set("index.html.br", () => brotliCompressSync(home));
  const inSite = (url) => (url.startsWith(site) ? url.slice(site.length) : url);
  const absolute = (url) => (settings.url ? url : inSite(url));
  for (const { slug, post, sizes } of posts) {
    const page = await postPage({ shell, post, slug, settings, stills, site, links, sizeOf: (image) => sizes.get(image) });
    files.set(`posts/${slug}/index.html`, () => page.html);
    files.set(`posts/${slug}/photos.css`, () => page.css);
    const cover = post.meta.cardCover ? await probeLocal(stills, post.meta.cardCover, { site, content }) : null;
    files.set(`posts/${slug}/oembed.json`, () => oembed({ post, slug, settings, absolute, cover: typeof cover === "string" ? null : cover }));
  }
  const entries = posts.filter(({ post }) => post.meta.timestamp != null)
    .map(({ slug, post }) => ({
      slug, title: post.meta.title ?? slug, summary: post.meta.excerpt, timestamp: post.meta.timestamp,
      cover: post.meta.cardCover ? absolute(post.meta.cardCover) : null, link: absolute(new URL(publishedHref(slug), site).href),
      photos: post.galleries.flatMap((gallery) => gallery.images.map((image) => absolute(image.img))),
    }))
    .sort((a, b) => b.timestamp - a.timestamp);
  for (const { path, post } of posts) if (post.meta.timestamp == null) warn(`${join(content, path)}: no date, so it is not in the feed`);
  files.set("feed.xml", () => atomFeed(settings, entries));
  const map = sitemap(settings.url, entries);
  if (map) files.set("sitemap.xml", () => map);

  const written = [];
  for (const [path, make] of files) if (await writeIfChanged(join(out, path), await make())) written.push(path);
  return { written, unchanged: files.size - written.length, pages: posts.length };
}

// Each photo's size as shown: the frontmatter's, else its header's from the file in content/.
async function photoSizes(stills, post, { site, content, file, warn }) {
  const sizes = new Map();
  for (const image of post.galleries.flatMap((gallery) => gallery.images)) {
    if (image.width > 0 && image.height > 0) {
      sizes.set(image, { width: image.width, height: image.height });
      continue;
    }
    const why = await probeLocal(stills, image.img, { site, content });
    if (typeof why === "string") {
      warn(`${file}:${image.line}:${image.column}: warning: the photo ${image.img.replace(site, "/")} cannot be read: ${why}`);
      sizes.set(image, FALLBACK_SIZE);
    } else {
      sizes.set(image, why);
    }
  }
  return sizes;
}

/** The size of a photo in content/, or why it has none. */
async function probeLocal(stills, url, { site, content }) {
  if (!url.startsWith(site)) return "it is not in the site's content folder";
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(join(content, decodeURIComponent(url.slice(site.length)))));
  } catch (error) {
    return error.code === "ENOENT" ? "there is no such file" : error.message;
  }
  const probe = stills.probeAvif(bytes, { complete: true });
  return probe.error ?? { width: probe.displayWidth, height: probe.displayHeight };
}

async function writeIfChanged(path, data) {
  const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data);
  const existing = await readFile(path).catch(() => null);
  if (existing && existing.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return true;
}
