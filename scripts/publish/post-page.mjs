// A published post's page: the site's own page (dist/index.html, its policy, styles and script) with the
// post in it as the site's views render it (web/dom's PostView, run here in jsdom: the same header, the
// same text sanitized by the same DOMPurify), its galleries laid out in CSS (static-gallery.mjs), and a
// head that crawlers and link previews read: title, description, canonical link, Open Graph and Twitter
// card tags, JSON-LD BlogPosting, the feed. With JavaScript the site takes over the page (its route is
// the path). <base> makes the page's addresses the site root's, as they are in index.html.
import { JSDOM } from "jsdom";
import { escapeMarkup, feedLink } from "./feeds.mjs";
import { staticGallery } from "./static-gallery.mjs";

const window = new JSDOM("<!doctype html><html><head></head><body></body></html>").window;
// What the views and DOMPurify find in a browser, before they are imported.
Object.assign(globalThis, { window, document: window.document, Node: window.Node, Element: window.Element,
  HTMLElement: window.HTMLElement, CustomEvent: window.CustomEvent });
const dist = new URL("../../dist/", import.meta.url);
const { PostView } = await import(new URL("dom/post-view.js", dist).href);
const { GALLERY_LAYOUT } = await import(new URL("dom/gallery-view.js", dist).href);
const { publishedHref } = await import(new URL("site/routes.js", dist).href);


/**
 * @typedef {{ title: string, description: string, author: string | null, language: string, url: string | null }} Settings
 */

/**
 * Fills each gallery's frame with rows of <img>: the photos at their sizes, in the engine's rows.
 * @returns {string} the galleries' CSS
 */
function layOutGalleries(view, sizeOf, stills) {
  return view.galleries.map((gallery, g) => {
    const frame = gallery.element.querySelector(".gallery-frame");
    const figures = [...frame.children];
    const images = view.post.galleries.find((candidate) => candidate.id === gallery.id).images;
    const sizes = images.map((image) => sizeOf(image));
    const { rows, css } = staticGallery(stills, g, sizes, GALLERY_LAYOUT);
    gallery.element.classList.add(`g${g}`);
    frame.classList.add("static-frame");
    frame.replaceChildren(...rows.map((row, r) => {
      const line = document.createElement("div");
      line.className = `static-row r${g}-${r}`;
      for (const i of row) {
        const figure = figures[i];
        figure.classList.remove("loading");
        figure.classList.add(`p${g}-${i}`);
        const img = document.createElement("img");
        img.src = images[i].img;
        img.alt = images[i].alt ?? "";
        img.width = sizes[i].width;
        img.height = sizes[i].height;
        img.loading = "lazy";
        img.decoding = "async";
        figure.replaceChildren(img);
        line.append(figure);
      }
      return line;
    }));
    return css;
  }).join("\n");
}

// The page's head: what a reader's browser shows and what crawlers and link previews read.
function headOf({ post, settings, slug, absolute }) {
  const { meta } = post;
  const title = meta.title ?? slug;
  const description = meta.excerpt ?? settings.description;
  const canonical = absolute(publishedHref(slug));
  const image = meta.cardCover ? absolute(meta.cardCover) : null;
  const tags = [
    ["name", "description", description],
    ["name", "author", settings.author],
    ["property", "og:site_name", settings.title],
    ["property", "og:type", "article"],
    ["property", "og:title", title],
    ["property", "og:description", description],
    ["property", "og:url", canonical],
    ["property", "og:image", image],
    ["property", "article:published_time", meta.timestamp != null ? new Date(meta.timestamp).toISOString() : null],
    ["name", "twitter:card", image ? "summary_large_image" : "summary"],
    ["name", "twitter:title", title],
    ["name", "twitter:description", description],
    ["name", "twitter:image", image],
  ].filter(([, , content]) => content);
  const posting = {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: title,
    description,
    ...(image && { image }),
    ...(meta.timestamp != null && { datePublished: new Date(meta.timestamp).toISOString() }),
    ...(settings.author && { author: { "@type": "Person", name: settings.author } }),
    ...(canonical && { mainEntityOfPage: canonical, url: canonical }),
  };
  return [
    `<title>${escapeMarkup(`${title} · ${settings.title}`)}</title>`,
    ...tags.map(([attribute, name, content]) => `<meta ${attribute}="${name}" content="${escapeMarkup(content)}">`),
    ...(canonical ? [`<link rel="canonical" href="${escapeMarkup(canonical)}">`] : []),
    feedLink(settings),
    `<link rel="alternate" type="application/json+oembed" title="${escapeMarkup(title)}" href="${escapeMarkup(absolute(`${publishedHref(slug)}oembed.json`))}">`,
    `<link rel="stylesheet" href="${escapeMarkup(publishedHref(slug))}photos.css">`,
    // A data block, never run (the page's policy lets only its own script files run).
    `<script type="application/ld+json">${JSON.stringify(posting).replace(/</g, "\\u003c")}</script>`,
  ];
}

/**
 * The post's oEmbed answer (a "link": what an embedding page shows as a card), with its cover as the
 * thumbnail when its size is known.
 * @param {{ post: any, slug: string, settings: Settings, absolute: (url: string) => string,
 *   cover: { width: number, height: number } | null }} page
 */
export function oembed({ post, slug, settings, absolute, cover }) {
  const { meta } = post;
  return `${JSON.stringify({
    version: "1.0",
    type: "link",
    title: meta.title ?? slug,
    ...(settings.author && { author_name: settings.author }),
    provider_name: settings.title,
    ...(settings.url && { provider_url: settings.url }),
    ...(meta.cardCover && cover && { thumbnail_url: absolute(meta.cardCover), thumbnail_width: cover.width, thumbnail_height: cover.height }),
  }, null, 2)}
`;
}

/**
 * @param {{ shell: string, post: any, slug: string, settings: Settings, stills: any, site: string,
 *   sizeOf: (image: any) => { width: number, height: number }, links: Map<string, string> }} page
 *   shell: dist/index.html; site: the address posts were parsed against (the site's url, or a stand-in);
 *   links: each post file's address -> its published path
 * @returns {Promise<{ html: string, css: string }>}
 */
export async function postPage({ shell, post, slug, settings, stills, site, sizeOf, links }) {
  const inSite = (url) => (url.startsWith(site) ? url.slice(site.length) : url);
  const absolute = (path) => (settings.url ? new URL(inSite(path), settings.url).href : inSite(path));
  const view = new PostView(post, {
    services: /** @type {any} */ ({ decoder: "native", sizes: { sizeOf: async () => ({ width: 1, height: 1 }) } }),
    fileName: `posts/${slug}.md`,
    linkHref: (href) => links.get(href.replace(/[?#].*$/, "")) ?? null,
    tagHref: (tag) => `#/tag/${encodeURIComponent(tag)}`,
  });
  await view.prepare();  // the body is whole
  const css = [
    "/* The published post's galleries, laid out without JS (scripts/publish/static-gallery.mjs). */",
    ".static-frame .photo { position: relative; }",
    ".static-frame .photo img { height: auto; }",
    layOutGalleries(view, sizeOf, stills),
  ].join("\n");
  // Every address the views wrote is the site's: written relative to its root, which <base> names.
  for (const node of view.element.querySelectorAll("[src], [href]")) {
    for (const name of ["src", "href"]) if (node.hasAttribute(name)) node.setAttribute(name, inSite(node.getAttribute(name)));
  }
  const head = headOf({ post, settings, slug, absolute }).map((line) => `  ${line}\n`).join("");
  const html = shell
    .replace(/[ \t]*<!--[^]*?-->\n/g, "")
    .replace(/<html lang="[^"]*">/, `<html lang="${escapeMarkup(settings.language)}">`)
    .replace("<head>\n", `<head>\n  <base href="../../">\n`)
    .replace(/ *<title>[^]*?<\/title>\n/, "")
    .replace(/ *<meta name="description"[^>]*>\n/, "")
    .replace("</head>", `${head}</head>`)
    .replace(/<a class="site-name" href="\.\/">[^<]*<\/a>/, `<a class="site-name" href="./">${escapeMarkup(settings.title)}</a>`)
    .replace(/<main id="main"([^>]*)>[^]*?<\/main>/, (_, attributes) => `<main id="main"${attributes}>${view.element.outerHTML}</main>`);
  return { html, css: `${css}\n` };
}
