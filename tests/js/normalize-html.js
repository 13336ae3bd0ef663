// HTML normalisation for the CommonMark spec tests, after the official runner's normalize.py: the spec
// fixes the document structure, not insignificant whitespace around block tags, attribute order or
// the spelling of void tags. Both the expected and the rendered HTML go through it.

const blockTags = new Set(
  ("article header aside hgroup blockquote hr iframe body li map button object canvas ol caption output col " +
    "p colgroup pre dd progress div section dl table td dt tbody embed textarea fieldset tfoot figcaption th " +
    "figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style").split(" "),
);

const chunkPattern = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;
const tagPattern = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*?)(\/?)>$/;
const attributePattern = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function escapeAttribute(value) {
  return value.replace(/&(?![a-zA-Z0-9#]+;)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function formatTag(name, attributeText) {
  const attributes = [];
  for (const match of attributeText.matchAll(attributePattern)) {
    const value = match[2] ?? match[3] ?? match[4];
    attributes.push(value === undefined ? match[1].toLowerCase() : `${match[1].toLowerCase()}="${escapeAttribute(value)}"`);
  }
  attributes.sort();
  return `<${name}${attributes.map((a) => ` ${a}`).join("")}>`;
}

export function normalizeHtml(html) {
  let output = "";
  let last = "starttag";
  let lastTag = "";
  let inPre = false;
  for (const [chunk] of html.matchAll(chunkPattern)) {
    const tag = chunk.match(tagPattern);
    if (chunk.startsWith("<![CDATA[") || chunk.startsWith("<!--") || (chunk.startsWith("<") && !tag)) {
      output += chunk;
      last = "other";
      continue;
    }
    if (tag) {
      const [, closing, rawName, attributeText, selfClosing] = tag;
      const name = rawName.toLowerCase();
      if (blockTags.has(name)) output = output.trimEnd();
      if (closing) {
        if (name === "pre") inPre = false;
        output += `</${name}>`;
        last = "endtag";
      } else {
        if (name === "pre") inPre = true;
        output += formatTag(name, attributeText);
        last = selfClosing ? "endtag" : "starttag";
      }
      lastTag = name;
      continue;
    }
    let data = chunk;
    const afterTag = last === "starttag" || last === "endtag";
    if (afterTag && lastTag === "br") data = data.replace(/^\n+/, "");
    if (!inPre) data = data.replace(/\s+/g, " ");
    if (afterTag && blockTags.has(lastTag) && !inPre) data = last === "starttag" ? data.trimStart() : data.trim();
    output += data;
    last = "data";
  }
  return output;
}
