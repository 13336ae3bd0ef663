// The site's own settings, beside `posts:` in content/index.yaml. Each has a default, here and only
// here; a value that cannot be used gets a diagnostic at its key, and the default stands.

export const DEFAULT_SETTINGS = Object.freeze({
  title: "stills",
  description: "Photo stories",
  author: null,
  language: "en",
  links: [],
  url: null,  // where the site is published (https://…/): the publish step's absolute links need it
});

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * @typedef {{ title: string, description: string, author: string | null, language: string,
 *   links: Array<{ label: string, url: string }>, url: string | null }} SiteSettings
 * @typedef {{ severity: string, message: string, line: number, column: number }} Diagnostic
 */

/** Where a top-level key is written in the file (1-based), for its diagnostics. */
function positionOf(text, key) {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => new RegExp(`^["']?${key}["']?\\s*:`).test(l));
  return line < 0 ? { line: 1, column: 1 } : { line: line + 1, column: 1 };
}

const isText = (value) => typeof value === "string" && value.trim() !== "";

/**
 * @param {any} index content/index.yaml as parseYaml read it
 * @param {string} text the file, to place diagnostics
 * @param {URL} base the site's root, against which link URLs resolve
 * @returns {{ settings: SiteSettings, diagnostics: Diagnostic[] }}
 */
export function readSettings(index, text, base) {
  /** @type {Diagnostic[]} */
  const diagnostics = [];
  const warn = (key, message) => diagnostics.push({ severity: "warning", message, ...positionOf(text, key) });
  /** @type {SiteSettings} */
  const settings = { ...DEFAULT_SETTINGS };
  const given = index && typeof index === "object" && !Array.isArray(index) ? index : {};

  for (const key of /** @type {const} */ (["title", "description", "author"])) {
    if (given[key] == null) continue;
    if (isText(given[key]) || typeof given[key] === "number") settings[key] = String(given[key]).trim();
    else warn(key, `'${key}' must be text; the default is used`);
  }
  if (given.language != null) {
    try {
      [settings.language] = Intl.getCanonicalLocales(String(given.language));
    } catch {
      warn("language", `'language' must be a language tag such as en or de-CH, not '${given.language}'`);
    }
  }
  if (given.links != null) settings.links = readLinks(given.links, base, (message) => warn("links", message));
  if (given.url != null) settings.url = siteUrl(given.url, (message) => warn("url", message));
  return { settings, diagnostics };
}

function readLinks(links, base, warn) {
  if (!Array.isArray(links)) {
    warn("'links' must be a list of { label, url }");
    return [];
  }
  return links.flatMap((link, i) => {
    if (!link || !isText(link.label) || !isText(link.url)) {
      warn(`link ${i + 1} needs a 'label' and a 'url'; it is left out`);
      return [];
    }
    let url;
    try {
      url = new URL(link.url, base);
    } catch {
      url = null;
    }
    if (!url || !LINK_SCHEMES.has(url.protocol)) {
      warn(`link ${i + 1} ('${link.label}') must be an http, https or mailto address; it is left out`);
      return [];
    }
    return [{ label: link.label.trim(), url: url.href }];
  });
}

// The site's public address, as a folder (with its final slash); null, with a warning, for anything
// but an absolute http or https address.
function siteUrl(value, warn) {
  let url = null;
  try {
    url = new URL(String(value));
  } catch {}
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    warn(`'url' must be the site's absolute http or https address, not '${value}'`);
    return null;
  }
  url.search = url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}
