// Edits of a post's frontmatter as text, written in the style the post already uses (flow or block
// YAML, its indentation, its quotes, trailing commas or not) and touching nothing else: every byte
// before and after the insertion stays as it was. Positions come from parsePost (1-based lines and
// code-point columns).

/**
 * @typedef {{ img: string, width: number, height: number }} NewImage
 * @typedef {import("../runtime/stills.js").Post} Post
 */

/** The offset in `text` of a 1-based line and code-point column. */
export function offsetAt(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf("\n", offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  for (let c = 1; c < column && offset < text.length && text[offset] !== "\n"; c++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

const lineStart = (text, offset) => text.lastIndexOf("\n", offset - 1) + 1;
const indentOf = (text, offset) => /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? "";
const nextNonBlank = (text, offset) => {
  while (offset < text.length && /[ \t\r\n]/.test(text[offset])) offset++;
  return offset;
};

// The end of the YAML value starting at `offset` inside flow brackets: after its closing bracket, or
// before the `,`, `]` or `}` that ends it. Quotes are skipped whole.
function flowValueEnd(text, offset) {
  let depth = 0;
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = quoteEnd(text, i);
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (c === "," && depth === 0) {
      return i;
    }
  }
  return text.length;
}

function quoteEnd(text, at) {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/**
 * How the image entry whose `img` value starts at `offset` is written: in a flow list (`[…]`) or a
 * block list (`- …`); as a flow mapping (`{ img: … }`), a block mapping (`- img: …` with more keys on
 * the lines below) or a bare path; and where it starts and ends.
 */
function entryAround(text, offset) {
  let i = offset - 1;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  if (text[i] !== ":") {  // a bare path
    while (i >= 0 && /\s/.test(text[i])) i--;
    if (text[i] === "-") return { kind: "block", start: i, end: blockEntryEnd(text, i), mapping: "none" };
    return { kind: "flow", start: offset, end: flowValueEnd(text, offset), mapping: "none" };
  }
  // In a mapping: back to its `{`, or to the `-` that starts its block entry.
  let depth = 0;
  for (let j = i; j >= 0; j--) {
    const c = text[j];
    if (c === "}" || c === "]") {
      depth++;
    } else if ((c === "{" || c === "[") && depth > 0) {
      depth--;
    } else if (c === "{") {
      const end = flowValueEnd(text, j);
      let k = j - 1;
      while (k >= 0 && /[ \t]/.test(text[k])) k--;
      if (text[k] === "-") return { kind: "block", start: k, end: lineEnd(text, end), mapping: "flow" };
      return { kind: "flow", start: j, end, mapping: "flow" };
    } else if (c === "-" && depth === 0 && /[ \t]/.test(text[j + 1] ?? "") && text.slice(lineStart(text, j), j).trim() === "") {
      return { kind: "block", start: j, end: blockEntryEnd(text, j), mapping: "block" };
    }
  }
  throw new Error("the image's entry could not be found in the frontmatter");
}

const lineEnd = (text, offset) => {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end;
};

// A block list entry runs to the end of the last line indented deeper than its `-`.
function blockEntryEnd(text, dash) {
  const column = dash - lineStart(text, dash);
  let end = lineEnd(text, dash);
  while (end < text.length) {
    const next = end + 1;
    const line = text.slice(next, lineEnd(text, next));
    if (line.trim() === "" || (/^[ \t]*/.exec(line)?.[0].length ?? 0) <= column) break;
    end = lineEnd(text, next);
  }
  return end;
}

const quoted = (value, quote) => (quote ? `${quote}${value.replaceAll(quote, quote === "'" ? "''" : `\\${quote}`)}${quote}` : value);

/** The quote the entry's img is written with: ", ' or none. */
function quoteOf(text, offset) {
  return text[offset] === '"' || text[offset] === "'" ? text[offset] : "";
}

// One new entry, laid out as `entry` (an existing one) is.
function writeEntry(text, entry, image, quote) {
  const fields = [["img", quoted(image.img, quote)], ["width", String(image.width)], ["height", String(image.height)]];
  const body = text.slice(entry.start, entry.end);
  if (entry.mapping === "flow") {
    const multiLine = body.includes("\n");
    if (!multiLine) {
      const inner = body.startsWith("-") ? body.slice(body.indexOf("{")) : body;
      const spaced = /^\{\s/.test(inner);
      const pairs = fields.map(([k, v]) => `${k}: ${v}`).join(", ");
      return `${entry.kind === "block" ? "- " : ""}${spaced ? `{ ${pairs} }` : `{${pairs}}`}`;
    }
    // One key per line, as the existing entry: its indentation, its trailing commas.
    const open = text.lastIndexOf("\n", entry.start) + 1;
    const outer = text.slice(open, entry.start).replace(/[^ \t]/g, " ");
    const keyLine = /\n([ \t]*)[^\s]/.exec(body);
    const inner = keyLine?.[1] ?? `${outer}  `;
    const trailing = /,\s*\}$/.test(body);
    const lines = fields.map(([k, v], i) => `${inner}${k}: ${v}${i < fields.length - 1 || trailing ? "," : ""}`);
    return `{\n${lines.join("\n")}\n${indentOf(text, entry.end - 1)}}`;
  }
  if (entry.mapping === "block") {
    const dashColumn = entry.start - lineStart(text, entry.start);
    const keyIndent = " ".repeat(dashColumn + 2);
    return fields.map(([k, v], i) => `${i ? keyIndent : "- "}${k}: ${v}`).join("\n");
  }
  const pairs = fields.map(([k, v]) => `${k}: ${v}`).join(", ");
  return entry.kind === "block" ? `- { ${pairs} }` : `{ ${pairs} }`;
}

/**
 * @typedef {{ at: number, insert: string }} Insertion  text to put in at an offset; nothing is removed
 */

/**
 * Where and what to insert to add images to the post's gallery `index`, after its last image, written
 * as that image is.
 * @param {string} text
 * @param {Post} post parsePost(text)
 * @param {number} index
 * @param {NewImage[]} images
 * @returns {Insertion}
 */
export function imagesInsertion(text, post, index, images) {
  const gallery = post.galleries[index];
  if (!gallery) throw new RangeError(`there is no gallery ${index}`);
  const last = gallery.images.at(-1);
  if (!last) return addToEmptyImages(text, gallery, images);
  const at = offsetAt(text, last.line, last.column);
  const entry = entryAround(text, at);
  const quote = quoteOf(text, at);
  if (entry.kind === "block") {
    const indent = " ".repeat(entry.start - lineStart(text, entry.start));
    return { at: entry.end, insert: images.map((image) => `\n${indent}${writeEntry(text, entry, image, quote)}`).join("") };
  }
  // A flow list: after the entry and its comma, when the post ends entries with one. Entries on lines
  // of their own get lines of their own, at the same indentation; on one line, they follow on it.
  const after = nextNonBlank(text, entry.end);
  const trailingComma = text[after] === ",";
  const ownLines = text.slice(lineStart(text, entry.start), entry.start).trim() === "";
  const written = images.map((image) => writeEntry(text, entry, image, quote));
  const indent = `\n${indentOf(text, entry.start)}`;
  const added = ownLines
    ? (trailingComma ? written.map((w) => `${indent}${w},`).join("") : `,${written.map((w) => `${indent}${w}`).join(",")}`)
    : (trailingComma ? written.map((w) => ` ${w},`).join("") : written.map((w) => `, ${w}`).join(""));
  return { at: trailingComma ? after + 1 : entry.end, insert: added };
}

// `images: []` or `images:` with nothing: the images as a flow list on that line.
function addToEmptyImages(text, gallery, images) {
  const from = offsetAt(text, gallery.line, gallery.column);
  const key = /images[ \t]*:[ \t]*(\[[ \t]*\])?/.exec(text.slice(from));
  if (!key) throw new Error(`gallery '${gallery.id}' has no 'images' key to add to`);
  const list = images.map(flowImage).join(", ");
  if (key[1]) return { at: from + key.index + key[0].length - 1, insert: list };  // inside the []
  return { at: from + key.index + key[0].length, insert: ` [${list}]` };
}

const flowImage = ({ img, width, height }) => `{ img: ${JSON.stringify(img)}, width: ${width}, height: ${height} }`;

/**
 * Where and what to insert to add a new gallery after the post's last one (or a `galleries:` key
 * when it has none), written as the galleries already are.
 * @param {string} text
 * @param {Post} post parsePost(text)
 * @param {{ id: string, title: string, images: NewImage[] }} gallery
 * @returns {Insertion}
 */
export function galleryInsertion(text, post, { id, title, images }) {
  const last = post.galleries.at(-1);
  if (last) {
    const at = offsetAt(text, last.line, last.column);
    if (text[at] === "{") {  // flow: one mapping on a line of its own, after the last (and its comma)
      const end = flowValueEnd(text, at);
      const after = nextNonBlank(text, end);
      const trailingComma = text[after] === ",";
      const written = `{ title: ${JSON.stringify(title)}, id: ${JSON.stringify(id)}, images: [${images.map(flowImage).join(", ")}] }`;
      const line = `\n${indentOf(text, at)}${written}`;
      return trailingComma ? { at: after + 1, insert: `${line},` } : { at: end, insert: `,${line}` };
    }
    const dash = text.lastIndexOf("-", at);
    const indent = " ".repeat(dash - lineStart(text, dash));
    return { at: blockEntryEnd(text, dash), insert: `\n${blockGallery(indent, id, title, images)}` };
  }
  const close = frontmatterClose(text);
  if (close < 0) return { at: 0, insert: `---\ngalleries:\n${blockGallery("  ", id, title, images)}\n---\n` };
  return { at: close, insert: `galleries:\n${blockGallery("  ", id, title, images)}\n` };
}

function blockGallery(indent, id, title, images) {
  return [`${indent}- title: ${JSON.stringify(title)}`, `${indent}  id: ${id}`, `${indent}  images:`,
    ...images.map((image) => `${indent}    - ${flowImage(image)}`)].join("\n");
}

/**
 * @typedef {{ from: number, to: number, insert: string }} Replacement
 */

// YAML that must be quoted: anything a plain scalar would read otherwise.
const needsQuotes = (value) => value === "" || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|^(true|false|null|~|yes|no|on|off)$/i.test(value) ||
  (!Number.isNaN(Number(value)) && value.trim() !== "");

function scalar(value, quote) {
  if (quote === "'") return `'${value.replaceAll("'", "''")}'`;
  if (quote === '"' || needsQuotes(value)) return JSON.stringify(value);
  return value;
}

// Where the value at `offset` ends: after its closing quote or bracket, or before a comment or the
// line's end for a plain scalar.
function valueEnd(text, offset) {
  const c = text[offset];
  if (c === '"' || c === "'") return quoteEnd(text, offset) + 1;
  if (c === "[" || c === "{") return flowValueEnd(text, offset);
  const end = lineEnd(text, offset);
  const comment = text.slice(offset, end).search(/\s#/);
  return (comment < 0 ? end : offset + comment) - (/\s*$/.exec(text.slice(offset, comment < 0 ? end : offset + comment))?.[0].length ?? 0);
}

/**
 * The change that sets a top-level frontmatter key to `value` (text, or a list of texts for tags),
 * keeping its quotes, its flow or block list, and every other byte. A key not written yet is added
 * before the frontmatter's closing line.
 * @param {string} text
 * @param {Post} post parsePost(text) or parseFrontmatter(text): only `positions` is read
 * @param {string} key
 * @param {string | string[]} value
 * @returns {Replacement}
 */
export function keyReplacement(text, post, key, value) {
  const position = post.positions[key];
  if (!position) {
    const end = frontmatterClose(text);
    const written = Array.isArray(value) ? `[${value.map((v) => scalar(v, "")).join(", ")}]` : scalar(value, "");
    if (end < 0) return { from: 0, to: 0, insert: `---\n${key}: ${written}\n---\n` };
    return { from: end, to: end, insert: `${key}: ${written}\n` };
  }
  const at = offsetAt(text, position.line, position.column);
  if (text.startsWith(key, at)) {  // an empty value: after the key's colon
    const colon = text.indexOf(":", at) + 1;
    const end = lineEnd(text, colon);
    const written = Array.isArray(value) ? `[${value.map((v) => scalar(v, "")).join(", ")}]` : scalar(value, "");
    return { from: colon, to: end, insert: ` ${written}` };
  }
  if (Array.isArray(value)) {
    if (text[at] === "[") {
      const quote = /^\[\s*(["'])/.exec(text.slice(at))?.[1] ?? "";
      return { from: at, to: valueEnd(text, at), insert: `[${value.map((v) => scalar(v, quote)).join(", ")}]` };
    }
    if (text[at] === "-") {  // a block list: its entries, at their indentation
      const indent = " ".repeat(at - lineStart(text, at));
      let end = at;
      for (let next = lineStart(text, at); text.startsWith(`${indent}- `, next); next = lineEnd(text, next) + 1) end = lineEnd(text, next);
      return { from: at, to: end, insert: value.map((v, i) => `${i ? indent : ""}- ${scalar(v, "")}`).join("\n") };
    }
  }
  const quote = text[at] === '"' || text[at] === "'" ? text[at] : "";
  const written = Array.isArray(value) ? `[${value.map((v) => scalar(v, quote)).join(", ")}]` : scalar(value, quote);
  return { from: at, to: valueEnd(text, at), insert: written };
}

/** The offset of the frontmatter's closing line (`---` or `...`), or -1 when the text has none. */
export function frontmatterClose(text) {
  if (!/^---[ \t]*\r?\n/.test(text)) return -1;
  const closing = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return closing ? 3 + closing.index + 1 : -1;
}
