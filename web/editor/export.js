// "Export": the post and its photos kept in the browser as a .zip laid out as a site's content/
// folder expects (posts/<slug>.md, assets/photos/<slug>/…), with the line to add to index.yaml.
import { strToU8, zipSync } from "../vendor/fflate.js";

/**
 * @param {string} slug the post's file name without .md
 * @param {string} text the post
 * @param {Array<{ path: string, bytes: Uint8Array }>} photos kept photos, by the path the post gives them
 * @returns {{ zip: Uint8Array, indexLine: string }}
 */
export function exportZip(slug, text, photos) {
  const indexLine = `  - posts/${slug}.md`;
  /** @type {Record<string, Uint8Array | [Uint8Array, { level: 0 }]>} */
  const files = {
    [`posts/${slug}.md`]: strToU8(text),
    "ADD-TO-INDEX.txt": strToU8(`Add this line under posts: in content/index.yaml:\n${indexLine}\n`),
  };
  // Only the photos the post still names; AVIF is compressed already.
  for (const { path, bytes } of photos) if (text.includes(path)) files[path.replace(/^\/+/, "")] = [bytes, { level: 0 }];
  return { zip: zipSync(files), indexLine };
}
