// The site's Atom feed (the posts newest first: title, link, summary from the excerpt, date, cover) and
// its sitemap (each post with its photos). Deterministic: nothing in them depends on when they are made.

/** Text made safe for XML and HTML alike, in an element or a quoted attribute. */
export const escapeMarkup = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const iso = (timestamp) => new Date(timestamp).toISOString().replace(/\.000Z$/, "Z");

/**
 * @typedef {{ slug: string, title: string, summary: string | null, timestamp: number, cover: string | null,
 *   link: string, photos: string[] }} FeedEntry  link, cover and photos absolute (or relative without a site url)
 */

/** The link a page names the feed by (relative: each page's <base> is the site's root). */
export const feedLink = (settings) =>
  `<link rel="alternate" type="application/atom+xml" title="${escapeMarkup(settings.title)}" href="feed.xml">`;

/**
 * @param {{ title: string, description: string, author: string | null, language: string, url: string | null }} settings
 * @param {FeedEntry[]} entries newest first
 */
export function atomFeed(settings, entries) {
  const home = settings.url ?? "./";
  const id = (entry) => (settings.url ? entry.link : `urn:stills:post:${encodeURIComponent(entry.slug)}`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeMarkup(settings.language)}">`,
    `  <title>${escapeMarkup(settings.title)}</title>`,
    `  <subtitle>${escapeMarkup(settings.description)}</subtitle>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(home)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(settings.url ? new URL("feed.xml", settings.url).href : "feed.xml")}"/>`,
    `  <id>${escapeMarkup(settings.url ?? "urn:stills:site")}</id>`,
    `  <updated>${iso(Math.max(0, ...entries.map((entry) => entry.timestamp)))}</updated>`,
    ...(settings.author ? [`  <author><name>${escapeMarkup(settings.author)}</name></author>`] : []),
  ];
  for (const entry of entries) {
    lines.push(
      "  <entry>",
      `    <title>${escapeMarkup(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(entry.link)}"/>`,
      `    <id>${escapeMarkup(id(entry))}</id>`,
      `    <published>${iso(entry.timestamp)}</published>`,
      `    <updated>${iso(entry.timestamp)}</updated>`,
      ...(entry.summary ? [`    <summary>${escapeMarkup(entry.summary)}</summary>`] : []),
      ...(entry.cover ? [`    <link rel="enclosure" type="image/avif" href="${escapeMarkup(entry.cover)}"/>`] : []),
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

/**
 * The sitemap, with each post's photos as image entries. Its addresses must be absolute: null without
 * a site url.
 * @param {string | null} url the site's
 * @param {FeedEntry[]} entries
 */
export function sitemap(url, entries) {
  if (!url) return null;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    `  <url><loc>${escapeMarkup(url)}</loc></url>`,
  ];
  for (const entry of entries) {
    lines.push("  <url>", `    <loc>${escapeMarkup(entry.link)}</loc>`, `    <lastmod>${iso(entry.timestamp)}</lastmod>`);
    for (const photo of [...new Set(entry.photos)]) lines.push(`    <image:image><image:loc>${escapeMarkup(photo)}</image:loc></image:image>`);
    lines.push("  </url>");
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}
