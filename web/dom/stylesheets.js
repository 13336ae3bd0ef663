// Stylesheets as constructed sheets (new CSSStyleSheet()), which a page's Content-Security-Policy does
// not govern and which reach into shadow roots: a <style> there is blocked by style-src without
// 'unsafe-inline', and a document's <link> does not style what is inside one.

/** @type {Map<string, Promise<string>>} */
const texts = new Map();

/**
 * The text of stylesheets, fetched once per page and joined in order. Rejects when one cannot be
 * fetched (the next call tries again).
 * @param {URL[]} urls
 * @returns {Promise<string>}
 */
export function cssText(urls) {
  const key = urls.map((url) => url.href).join(" ");
  let text = texts.get(key);
  if (!text) {
    text = Promise.all(urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
      return response.text();
    })).then((parts) => parts.join("\n"));
    text.catch(() => texts.delete(key));
    texts.set(key, text);
  }
  return text;
}

/** @param {string} css */
export function constructedSheet(css) {
  return new CSSStyleSheet().replace(css);
}

/**
 * Adopts `sheet` in a document or shadow root, once.
 * @param {Document | ShadowRoot} root
 * @param {CSSStyleSheet} sheet
 */
export function adopt(root, sheet) {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
