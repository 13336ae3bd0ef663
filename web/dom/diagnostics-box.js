// The error box: what is wrong with a file, where, in words a post's author can act on.
import { element, withPart } from "./element.js";

/**
 * @param {Array<{severity: string, message: string, line: number, column: number}>} diagnostics
 * @param {string} [fileName]
 */
export function renderDiagnostics(diagnostics, fileName = "the post") {
  const box = emptyBox(diagnostics.some((d) => d.severity === "error") ? "error" : "warning");
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
  const box = emptyBox("error");
  box.append(element("p", "diagnostics-title", summary), element("p", "diagnostics-reason", reason));
  return box;
}

// An alert for errors, a status for warnings; a <div>, as an <aside> may not be an alert.
function emptyBox(severity) {
  const box = withPart(element("div", `diagnostics ${severity}`), "error");
  box.setAttribute("role", severity === "error" ? "alert" : "status");
  return box;
}
