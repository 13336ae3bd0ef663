// The one element helper the views share.

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
