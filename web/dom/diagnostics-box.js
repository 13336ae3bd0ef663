// The error box: what is wrong with a file, where, in words a post's author can act on.
import { element } from "./element.js";

/**
 * @param {Array<{severity: string, message: string, line: number, column: number}>} diagnostics
 * @param {string} [fileName]
 */
export function renderDiagnostics(diagnostics, fileName = "the post") {
  const worst = diagnostics.some((d) => d.severity === "error") ? "error" : "warning";
  const box = element("div", `diagnostics ${worst}`);  // an <aside> may not be an alert
  box.setAttribute("role", worst === "error" ? "alert" : "status");
  const count = diagnostics.length;
  const title = element("p", "diagnostics-title", `${count} problem${count === 1 ? "" : "s"} in ${fileName}`);
  const list = element("ul");
  for (const { severity, message, line, column } of diagnostics) {
    const item = element("li", severity);
    item.append(element("span", "where", `line ${line}, column ${column}`), ` ${severity}: ${message}`);
    list.append(item);
  }
  box.append(title, list);
  return box;
}
