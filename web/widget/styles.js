// The widget's stylesheet: the views' (dom/stills.css) and its own (widget.css), as one constructed
// sheet per page, so a page with style-src 'self' and no 'unsafe-inline' shows the widget styled. In a
// shadow root it is adopted as it is. In the light DOM (no-shadow) the same rules are adopted by the
// document inside @scope (the element), so they style the widget and nothing else on the page.
import { constructedSheet, cssText } from "../dom/stylesheets.js";
import { distUrl } from "../runtime/dist-root.js";

const STYLESHEETS = [distUrl("dom/stills.css"), distUrl("widget/widget.css")];

// What widget.css's :host rules do, for the element in the light DOM (there the page's fonts and
// colours are meant to apply, so nothing is reset).
const LIGHT_HOST = ":scope { display: block; }\n:scope:is([width][height]) { overflow: auto; }\n";

/** @type {Promise<CSSStyleSheet> | null} */
let shadowSheet = null;
/** @type {Map<string, Promise<CSSStyleSheet>>} by scope selector */
const lightSheets = new Map();

/**
 * The rules scoped to the elements `selector` matches; the custom properties the views' sheet sets on
 * `:root, :host` go on the element itself.
 * @param {string} css
 * @param {string} selector
 */
function scopedCss(css, selector) {
  return `@scope (${selector}) {\n${LIGHT_HOST}${css.replaceAll(":root, :host {", ":scope {")}\n}\n`;
}

/** The sheet for a widget's shadow root. */
export function widgetSheet() {
  if (!shadowSheet) {
    shadowSheet = cssText(STYLESHEETS).then(constructedSheet);
    shadowSheet.catch(() => (shadowSheet = null));  // the next widget tries again
  }
  return shadowSheet;
}

/**
 * The sheet for widgets in the light DOM, styling only what `selector` matches.
 * @param {string} selector
 */
export function lightDomSheet(selector) {
  let sheet = lightSheets.get(selector);
  if (!sheet) {
    sheet = cssText(STYLESHEETS).then((css) => constructedSheet(scopedCss(css, selector)));
    sheet.catch(() => lightSheets.delete(selector));
    lightSheets.set(selector, sheet);
  }
  return sheet;
}
