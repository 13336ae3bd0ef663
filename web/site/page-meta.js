// What the document says about the page shown: <html lang>, its title, the description and Open Graph
// tags, from the post's frontmatter or the site's settings.

/**
 * @param {Document} document
 * @param {import("./settings.js").SiteSettings} settings
 * @param {{ title?: string | null, description?: string | null, image?: string | null, type?: string }} page
 */
export function describePage(document, settings, { title = null, description = null, image = null, type = "website" }) {
  document.documentElement.lang = settings.language;
  document.title = title ? `${title} · ${settings.title}` : settings.title;
  const tags = {
    description: description || settings.description,
    author: settings.author,
    "og:site_name": settings.title,
    "og:title": title ?? settings.title,
    "og:description": description || settings.description,
    "og:type": type,
    "og:image": absolute(image, document.baseURI),
  };
  for (const [name, content] of Object.entries(tags)) {
    const attribute = name.startsWith("og:") ? "property" : "name";
    let meta = document.head.querySelector(`meta[${attribute}="${name}"]`);
    if (!content) {
      meta?.remove();
      continue;
    }
    meta ??= document.head.appendChild(document.createElement("meta"));
    meta.setAttribute(attribute, name);
    meta.setAttribute("content", content);
  }
}

function absolute(url, base) {
  try {
    return url ? new URL(url, base).href : null;
  } catch {
    return null;  // a URL no parser takes is left out
  }
}

/**
 * The site's name and links in its header.
 * @param {HTMLElement} header
 * @param {import("./settings.js").SiteSettings} settings
 */
export function renderHeader(header, settings) {
  const name = header.querySelector(".site-name");
  if (name) name.textContent = settings.title;
  header.querySelector(".site-links")?.remove();
  if (!settings.links.length) return;
  const nav = document.createElement("nav");
  nav.className = "site-links";
  nav.setAttribute("aria-label", "Links");
  for (const { label, url } of settings.links) {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = label;
    nav.append(link);
  }
  header.append(nav);
}
