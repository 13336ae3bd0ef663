// Photos added to the post. AVIF files go in as they are. JPEG, PNG and WebP go in at once with the
// size they will have, shown from the original meanwhile, and are encoded to AVIF in the codec workers
// (each with its progress and a cancel); the AVIF then replaces the original in the preview and is kept
// with the draft. A photo that fails or is cancelled is taken out of the text again, which is then as
// if it had never been dropped. Its camera facts go into the AVIF's Exif; its GPS position only when
// the author keeps it. A photo's date and place, when the post has none, are offered for the post.
import { exifBlock } from "../runtime/exif-block.js";
import { scaledSize } from "../runtime/image-decode.js";
import { isoDate, placeOf, readPhotoFacts } from "../runtime/photo-facts.js";
import { savePhoto } from "./drafts.js";
import { keyReplacement } from "./frontmatter-edit.js";
import { dropWithout, photoInsertions, readPhotos } from "./photo-drop.js";

/**
 * @typedef {{ tracked: import("./source-pane.js").Tracked | null, inserted: string[],
 *   images: import("./frontmatter-edit.js").NewImage[] }} Drop  a drop's insertions and the photos it still holds
 */

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const kilobytes = (bytes) => `${Math.round(bytes / 1024).toLocaleString("en")} KB`;

/** `name` with its extension made .avif. */
const avifName = (name) => `${name.replace(/\.[^./]*$/, "") || "photo"}.avif`;

/** Paths for `names` in `folder` that neither the post nor each other use (a second IMG_1.avif is IMG_1-2.avif). */
function freePaths(folder, names, taken) {
  const used = new Set(taken);
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    let path = folder + name;
    for (let n = 2; used.has(path); n++) path = `${folder}${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    used.add(path);
    return path;
  });
}

/**
 * @param {{ services: import("../runtime/services.js").Services,
 *   source: import("./source-pane.js").SourcePane, preview: import("./preview.js").Preview,
 *   doc: { id: string, text: string }, folder: () => string, say: (text: string) => void,
 *   options: import("./photo-options.js").PhotoOptions, jobs: import("./photo-jobs.js").PhotoJobs }} editor
 *   folder: where the post's photos go ("/assets/photos/<slug>/")
 */
export function createPhotoImport({ services, source, preview, doc, folder, say, options, jobs }) {
  const { stills } = services;
  const parse = (text) => stills.parsePost(text);

  // Takes `path` out of its drop: the drop's text is made anew without it.
  function withdraw(drop, path) {
    preview.forgetPhoto(path);
    drop.images = drop.images.filter((image) => image.img !== path);
    const redo = drop.tracked && dropWithout(doc.text, drop.tracked.spans(), drop.inserted, drop.images, parse);
    if (!redo) return false;
    drop.tracked?.release();
    source.change(redo.without);
    drop.tracked = redo.insertions.length ? source.insert(redo.insertions) : null;
    drop.inserted = redo.insertions.map(({ insert }) => insert);
    return true;
  }

  function offerFacts(facts, name) {
    const { meta } = stills.parseFrontmatter(doc.text);
    const date = isoDate(facts.taken, facts.offset);
    const set = (key, value) => source.replace(keyReplacement(doc.text, stills.parseFrontmatter(doc.text), key, value));
    if (date && !meta.date) jobs.offer(`Use ${date.replace("T", " ")} (when ${name} was taken) as the post's date`, () => set("date", date));
    if (facts.latitude != null && facts.longitude != null && !meta.location) {
      const place = placeOf(facts.latitude, facts.longitude);
      jobs.offer(`Use ${place} (where ${name} was taken) as the location`, () => set("location", place));
    }
  }

  function encode(drop, { name, file, path, width, height, original }, facts, choice) {
    const controller = new AbortController();
    const job = jobs.add(name, () => controller.abort(new DOMException("cancelled", "AbortError")));
    const gpsNote = facts.latitude != null && !choice.keepGps ? " · GPS position removed" : "";
    return services.pool.encode(file, {
      longestEdge: choice.longestEdge, quality: choice.quality, exif: exifBlock(facts, { keepGps: choice.keepGps }),
      signal: controller.signal, onProgress: (stage, { width, height }) => job.stage(stage === "decoding" ? "Decoding…" : `Encoding ${width} × ${height}…`),
    }).then(async ({ avif }) => {
      const scaled = width !== original.width ? ` (from ${original.width} × ${original.height})` : "";
      await savePhoto({ path, draft: doc.id, bytes: avif, saved: Date.now() });
      preview.keepPhoto(path, avif);
      preview.render(doc.text);
      job.done(`${avifName(name)} · ${width} × ${height}${scaled} · ${kilobytes(avif.length)}${gpsNote}`);
    }).catch((error) => {
      const cancelled = error?.name === "AbortError";
      const why = cancelled ? "cancelled" : `not encoded: ${error.message}`;
      const removed = withdraw(drop, path);
      job.failed(cancelled ? "Cancelled" : `Not encoded: ${error.message}`);
      say(`${name} ${why}; ${removed ? "it is taken out of the post again" : `its entry (${path}) was edited since, so it is left for you to remove`}.`);
    });
  }

  /**
   * Adds `files` dropped or pasted at `offset`.
   * @param {File[]} files
   * @param {number} offset
   */
  return async function addPhotos(files, offset) {
    const { photos, toEncode, refused } = await readPhotos(files, stills);
    const refusal = refused.map(({ name, why }) => `${name}: ${why}`).join("; ");
    if (!photos.length && !toEncode.length) return say(`${refusal}. The post is unchanged.`);
    const choice = options.current();
    const post = parse(doc.text);
    const taken = post.galleries.flatMap((gallery) => gallery.images.map((image) => image.img));
    const paths = freePaths(folder(), [...photos.map(({ name }) => name), ...toEncode.map(({ name }) => avifName(name))], taken);
    const [avifPaths, encodePaths] = [paths.slice(0, photos.length), paths.slice(photos.length)];
    try {
      for (const [i, { bytes }] of photos.entries()) await savePhoto({ path: avifPaths[i], draft: doc.id, bytes, saved: Date.now() });
    } catch (error) {
      return say(`The photos could not be kept in this browser (${error.message}); the post is unchanged.`);
    }
    const pending = toEncode.map((photo, i) => ({ ...photo, path: encodePaths[i], original: { width: photo.width, height: photo.height },
      ...scaledSize(photo.width, photo.height, choice) }));
    photos.forEach(({ bytes }, i) => preview.keepPhoto(avifPaths[i], bytes));
    for (const { file, path } of pending) preview.keepPhoto(path, file, file.type);  // the original, until its AVIF is made
    const images = [...photos.map(({ width, height }, i) => ({ img: avifPaths[i], width, height })),
      ...pending.map(({ path, width, height }) => ({ img: path, width, height }))];
    const insertions = photoInsertions(doc.text, post, offset, images);
    /** @type {Drop} */
    const drop = { tracked: source.insert(insertions), inserted: insertions.map(({ insert }) => insert), images };
    say(`Added ${plural(images.length, "photo")}${pending.length ? `; encoding ${plural(pending.length, "photo")} to AVIF` : ""}.${refusal ? ` Not added: ${refusal}.` : ""}`);
    const facts = await Promise.all(pending.map(({ file }) => readPhotoFacts(file)));
    const withFacts = facts.findIndex((found) => found.taken || found.latitude != null);
    if (withFacts >= 0) offerFacts(facts[withFacts], pending[withFacts].name);
    await Promise.all(pending.map((photo, i) => encode(drop, photo, facts[i], choice)));
    drop.tracked?.release();  // every photo is in or out now: nothing is left to take back
  };
}
