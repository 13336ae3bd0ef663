// The error box: what is wrong with a file, where, in words a post's author can act on.

/**
 * @param {Array<{severity: string, message: string, line: number, column: number}>} diagnostics
 * @param {string} [fileName]
 */
export function renderDiagnostics(diagnostics, fileName = "the post") {
  const box = document.createElement("aside");
  const worst = diagnostics.some((d) => d.severity === "error") ? "error" : "warning";
  box.className = `diagnostics ${worst}`;
  box.setAttribute("role", worst === "error" ? "alert" : "status");
  const title = document.createElement("p");
  title.className = "diagnostics-title";
  const count = diagnostics.length;
  title.textContent = `${count} problem${count === 1 ? "" : "s"} in ${fileName}`;
  const list = document.createElement("ul");
  for (const { severity, message, line, column } of diagnostics) {
    const item = document.createElement("li");
    item.className = severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `line ${line}, column ${column}`;
    item.append(where, ` ${severity}: ${message}`);
    list.append(item);
  }
  box.append(title, list);
  return box;
}
