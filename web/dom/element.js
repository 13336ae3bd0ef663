// The element helpers the views share.

/**
 * @param {string} tag
 * @param {string | null} [className]
 * @param {string | null} [text] set as text, never parsed as HTML
 * @returns {HTMLElement}
 */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/**
 * Names `node` for a host page's `::part()` rules when the view is in a shadow root (a widget).
 * The part names are listed in the README.
 * @template {Element} T
 * @param {T} node
 * @param {string} name
 * @returns {T}
 */
export function withPart(node, name) {
  node.setAttribute("part", name);
  return node;
}
