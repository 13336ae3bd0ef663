// Photos dropped, pasted or chosen: AVIF files are read for their size as they are; other photos the
// browser decodes (JPEG, PNG, WebP) are for encoding; anything else is refused with the reason. Photos
// go into the frontmatter (the gallery the cursor is in or on, or a new gallery with its shortcode at
// the cursor), and the post is left as it was when none can be added.
import { imageSize, isHeic } from "../runtime/image-decode.js";
import { frontmatterClose, galleryInsertion, imagesInsertion } from "./frontmatter-edit.js";

const SHORTCODE = /^\s*\{\{\s*gallery(?:\s+"?([^"}\s]+)"?)?\s*\}\}\s*$/;
const AVIF_BRAND = /^....ftyp(avif|avis)/s;
const IMAGE_NAME = /\.(jpe?g|png|webp|gif|bmp)$/i;  // a file the system gave no type

/**
 * @typedef {import("../runtime/stills.js").Post} Post
 * @typedef {import("./frontmatter-edit.js").Insertion} Insertion
 * @typedef {{ name: string, bytes: Uint8Array, width: number, height: number }} DroppedPhoto
 * @typedef {{ name: string, file: File, width: number, height: number }} PhotoToEncode  its size upright
 */

const HEIC_ADVICE = "HEIC photos cannot be decoded in this browser: export them as JPEG first " +
  "(on an iPhone, Settings › Camera › Formats › Most Compatible makes new photos JPEG)";

/**
 * Sorts files: AVIF photos with their size as shown, photos to encode with their size upright, and the
 * rest with why.
 * @param {File[]} files
 * @param {{ probeAvif: (bytes: Uint8Array, options?: { complete?: boolean }) => any }} stills
 */
export async function readPhotos(files, stills) {
  /** @type {DroppedPhoto[]} */
  const photos = [];
  /** @type {PhotoToEncode[]} */
  const toEncode = [];
  /** @type {Array<{ name: string, why: string }>} */
  const refused = [];
  for (const file of files) {
    const brand = String.fromCharCode(...new Uint8Array(await file.slice(0, 12).arrayBuffer()));
    if (file.type === "image/avif" || AVIF_BRAND.test(brand)) {
      const bytes = new Uint8Array(await file.arrayBuffer());  // only an AVIF is read whole here
      const probe = stills.probeAvif(bytes, { complete: true });
      if (probe.error) refused.push({ name: file.name, why: `not a readable AVIF photo: ${probe.error}` });
      else photos.push({ name: file.name, bytes, width: probe.displayWidth, height: probe.displayHeight });
    } else if (isHeic(file)) {
      refused.push({ name: file.name, why: HEIC_ADVICE });
    } else if (!file.type.startsWith("image/") && !IMAGE_NAME.test(file.name)) {
      refused.push({ name: file.name, why: `not a photo (${file.type || "a file of no known type"})` });
    } else {
      try {
        toEncode.push({ name: file.name, file, ...(await imageSize(file)) });
      } catch (error) {
        refused.push({ name: file.name, why: error.message });
      }
    }
  }
  return { photos, toEncode, refused };
}

// Where the body starts being the cursor's place: the frontmatter's closing line (0 without one).
const frontmatterEnd = (text) => Math.max(0, frontmatterClose(text));

/**
 * The gallery photos dropped at `offset` belong to: the one whose frontmatter the cursor is in, or
 * whose {{gallery}} shortcode the cursor is on or right after; null for a new gallery.
 * @param {string} text
 * @param {Post} post parsePost(text)
 * @param {number} offset
 * @returns {number | null}
 */
export function targetGallery(text, post, offset) {
  const line = text.slice(0, offset).split("\n").length;
  if (offset < frontmatterEnd(text)) {
    const listed = post.positions.galleries;
    if (!listed || line < listed.line) return null;
    let index = null;
    post.galleries.forEach((gallery, i) => (gallery.line <= line ? (index = i) : null));
    return index;
  }
  const lines = text.split("\n");
  let at = line - 1;
  if (!SHORTCODE.test(lines[at] ?? "") && at > 0 && SHORTCODE.test(lines[at - 1] ?? "")) at--;  // just after it
  const shortcode = SHORTCODE.exec(lines[at] ?? "");
  if (!shortcode) return null;
  if (shortcode[1]) {
    const index = post.galleries.findIndex((gallery) => gallery.id === shortcode[1]);
    return index >= 0 ? index : null;
  }
  // {{gallery}} takes the next gallery not placed: the nth shortcode is the nth gallery block.
  const nth = lines.slice(0, at + 1).filter((l) => SHORTCODE.test(l)).length - 1;
  const slots = post.blocks.filter((block) => block.type !== "html");
  const slot = slots[nth];
  return slot?.type === "gallery" ? slot.gallery : null;
}

/**
 * The insertions that add `images` for a drop at `offset`, in the order of the text.
 * @param {string} text
 * @param {Post} post parsePost(text)
 * @param {number} offset
 * @param {import("./frontmatter-edit.js").NewImage[]} images
 * @returns {Insertion[]}
 */
export function photoInsertions(text, post, offset, images) {
  const target = targetGallery(text, post, offset);
  if (target !== null) return [imagesInsertion(text, post, target, images)];
  const taken = new Set(post.galleries.map((gallery) => gallery.id));
  let id = "photos";
  for (let n = 2; taken.has(id); n++) id = `photos-${n}`;
  const gallery = galleryInsertion(text, post, { id, title: "Photos", images });
  // The shortcode: a paragraph of its own after the line the cursor is on (the text's end when the
  // cursor is in the frontmatter).
  const from = offset >= frontmatterEnd(text) ? offset : text.length;
  const at = text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from);
  const followed = text.slice(at + 1).split("\n", 1)[0].trim() !== "";
  const shortcode = { at, insert: `\n\n{{gallery ${id}}}${followed ? "\n" : ""}` };
  return [gallery, shortcode];
}

/**
 * A drop taken back in part: `text` with the drop's insertions (now at `spans`, their text `inserted`)
 * cut out again, and the insertions that add only the photos kept, made as the drop would have made them
 * had only those been dropped (from where its last insertion stood: the same gallery, or a new gallery
 * of the same name with its shortcode at the same place). Null when the author has changed the
 * inserted text since: it is theirs then, to edit by hand.
 * @param {string} text
 * @param {Array<{ from: number, to: number }>} spans
 * @param {string[]} inserted
 * @param {import("./frontmatter-edit.js").NewImage[]} kept
 * @param {(text: string) => Post} parse
 * @returns {{ without: string, insertions: Insertion[] } | null}
 */
export function dropWithout(text, spans, inserted, kept, parse) {
  if (spans.some(({ from, to }, i) => text.slice(from, to) !== inserted[i])) return null;
  let without = text;
  let cut = 0;
  let lastAt = 0;
  for (const { from, to } of [...spans].sort((a, b) => a.from - b.from)) {
    without = without.slice(0, from - cut) + without.slice(to - cut);
    lastAt = from - cut;
    cut += to - from;
  }
  return { without, insertions: kept.length ? photoInsertions(without, parse(without), lastAt, kept) : [] };
}
