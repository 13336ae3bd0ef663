// Whether the start of a post file already holds its whole frontmatter, by the core's rule (an opening
// line "---", a closing line "---" or "...", trailing spaces allowed): the index reads each post only
// that far.

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /\n(?:---|\.\.\.)[ \t]*\r?\n/;  // a whole line: "----" may still be arriving as "---"

/**
 * @param {string} start the first characters of a post file
 * @returns {boolean} true when the rest of the file cannot change the frontmatter (or there is none)
 */
export function holdsFrontmatter(start) {
  if (!start.includes("\n")) return false;  // the first line is not all here yet
  const opening = OPENING.exec(start);
  if (!opening) return true;
  return CLOSING.test(start.slice(opening[0].length - 1));  // from the opening's line break
}
