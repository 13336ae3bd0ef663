// The error box: what is wrong with a file, where, in words a post's author can act on.
import { element, withPart } from "./element.js";

/**
 * @param {Array<{severity: string, message: string, line: number, column: number}>} diagnostics
 * @param {string} [fileName]
 */
export function renderDiagnostics(diagnostics, fileName = "the post") {
  const worst = diagnostics.some((d) => d.severity === "error") ? "error" : "warning";
  const box = withPart(element("div", `diagnostics ${worst}`), "error");  // an <aside> may not be an alert
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

/**
 * The error box for what could not be shown at all (a post that could not be fetched, a gallery the
 * post does not have): what, and why.
 * @param {string} summary
 * @param {string} reason
 */
export function renderFailure(summary, reason) {
  const box = withPart(element("div", "diagnostics error"), "error");
  box.setAttribute("role", "alert");
  box.append(element("p", "diagnostics-title", summary), element("p", "diagnostics-reason", reason));
  return box;
}
