// The problems list under the source: every problem with its place; choosing one moves the cursor there.
import { element } from "../dom/element.js";

/**
 * @param {HTMLElement} list an <ol> or <ul>
 * @param {import("./source-pane.js").Problem[]} problems
 * @param {(line: number, column: number) => void} moveTo
 */
export function renderProblems(list, problems, moveTo) {
  const items = problems.map(({ severity, message, line, column }) => {
    const button = element("button", `problem ${severity}`);
    button.setAttribute("type", "button");
    button.append(element("span", "where", `${line}:${column}`), ` ${severity}: ${message}`);
    button.addEventListener("click", () => moveTo(line, column));
    const item = element("li");
    item.append(button);
    return item;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}
