// What a camera wrote into a photo's Exif: the photographer's facts (camera, lens, exposure), when it
// was taken and where. Read with exifr (npm, pinned; its "lite" build: JPEG, HEIC and TIFF).
import exifr from "../vendor/exifr.js";

/** @typedef {import("./exif-block.js").PhotoFacts} PhotoFacts */

// Only the TIFF segment's IFD0, Exif and GPS blocks, values as written (exifr's `pick` needs the
// dictionaries the lite build leaves out).
const OPTIONS = { tiff: true, exif: true, gps: true, ifd1: false, interop: false, xmp: false, icc: false, iptc: false,
  jfif: false, ihdr: false, reviveValues: false, translateValues: false };

const textOf = (value) => (typeof value === "string" && value.trim() ? value.trim() : null);
const numberOf = (value) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * The facts `file`'s Exif gives; empty when it has none or they cannot be read (a photo without Exif is
 * no error).
 * @param {Blob | Uint8Array} file
 * @returns {Promise<PhotoFacts & { offset: string | null }>} offset: the zone DateTimeOriginal was in ("+02:00")
 */
export async function readPhotoFacts(file) {
  let tags;
  try {
    tags = (await exifr.parse(file, OPTIONS)) ?? {};
  } catch {
    tags = {};
  }
  return {
    make: textOf(tags.Make),
    model: textOf(tags.Model),
    lens: textOf(tags.LensModel),
    focalLength: numberOf(tags.FocalLength),
    fNumber: numberOf(tags.FNumber),
    exposureTime: numberOf(tags.ExposureTime),
    iso: numberOf(Array.isArray(tags.ISO) ? tags.ISO[0] : tags.ISO),
    taken: textOf(tags.DateTimeOriginal),
    offset: textOf(tags.OffsetTimeOriginal),
    latitude: numberOf(tags.latitude),
    longitude: numberOf(tags.longitude),
  };
}

/**
 * The date a post's frontmatter takes (ISO 8601) for an Exif date and zone, or null.
 * @param {string | null} taken "2024:05:01 10:00:00"
 * @param {string | null} [offset] "+02:00"
 */
export function isoDate(taken, offset = null) {
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(taken ?? "");
  if (!match || match[1] === "0000") return null;
  const [, year, month, day, hours, minutes, seconds] = match;
  const zone = /^[+-]\d{2}:\d{2}$/.test(offset ?? "") ? offset : "";
  return `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${zone}`;
}

/**
 * A place as a post's `location` can say it without a map service: "48.8584° N, 2.2945° E".
 * @param {number} latitude
 * @param {number} longitude
 */
export function placeOf(latitude, longitude) {
  const part = (value, positive, negative) => `${Math.abs(value).toFixed(4)}° ${value >= 0 ? positive : negative}`;
  return `${part(latitude, "N", "S")}, ${part(longitude, "E", "W")}`;
}
