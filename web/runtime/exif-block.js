// The Exif block an encoded photo carries: written anew from the photographer's facts, not copied from
// the original, so that nothing else rides along (maker notes with serial numbers, a thumbnail of the
// uncropped photo, an orientation the pixels no longer need) and GPS only when the author keeps it.
// A TIFF structure, big-endian, as Exif 2.3 lays it out: IFD0 -> Exif IFD, GPS IFD.

/**
 * @typedef {{ make?: string | null, model?: string | null, lens?: string | null, focalLength?: number | null,
 *   fNumber?: number | null, exposureTime?: number | null, iso?: number | null, taken?: string | null,
 *   latitude?: number | null, longitude?: number | null }} PhotoFacts
 *   focalLength in mm, exposureTime in seconds, taken as Exif writes it ("2024:05:01 10:00:00"),
 *   latitude and longitude in degrees (north and east positive)
 */

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const BYTE = 1;
const SIZE = { [BYTE]: 1, [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8 };

// A rational close to `value`: shutter speeds as 1/n, the rest in hundredths or ten-thousandths.
function rational(value, { shutter = false } = {}) {
  if (shutter && value > 0 && value < 1) return [1, Math.round(1 / value)];
  const denominator = Number.isInteger(value) ? 1 : 10000;
  return [Math.round(value * denominator), denominator];
}

const text = (value) => ({ type: ASCII, values: [...new TextEncoder().encode(value), 0] });
const rationals = (...pairs) => ({ type: RATIONAL, values: pairs.flat() });
const usable = (value) => typeof value === "number" && Number.isFinite(value) && value > 0;
const named = (value) => typeof value === "string" && value.trim() !== "";

// Degrees as Exif's three rationals (degrees, minutes, seconds).
function degrees(value) {
  const abs = Math.abs(value);
  const whole = Math.floor(abs);
  const minutes = Math.floor((abs - whole) * 60);
  const seconds = (abs - whole - minutes / 60) * 3600;
  return rationals([whole, 1], [minutes, 1], [Math.round(seconds * 10000), 10000]);
}

/** The entries of each IFD, tag -> value, for `facts`. */
function directories(facts, keepGps) {
  const ifd0 = new Map();
  const exif = new Map();
  const gps = new Map();
  if (named(facts.make)) ifd0.set(0x010f, text(facts.make.trim()));
  if (named(facts.model)) ifd0.set(0x0110, text(facts.model.trim()));
  if (usable(facts.exposureTime)) exif.set(0x829a, rationals(rational(facts.exposureTime, { shutter: true })));
  if (usable(facts.fNumber)) exif.set(0x829d, rationals(rational(facts.fNumber)));
  if (usable(facts.iso)) exif.set(0x8827, { type: SHORT, values: [Math.min(65535, Math.round(facts.iso))] });
  if (named(facts.taken)) exif.set(0x9003, text(facts.taken.trim()));
  if (usable(facts.focalLength)) exif.set(0x920a, rationals(rational(facts.focalLength)));
  if (named(facts.lens)) exif.set(0xa434, text(facts.lens.trim()));
  const { latitude, longitude } = facts;
  if (keepGps && Number.isFinite(latitude) && Number.isFinite(longitude) && latitude != null && longitude != null) {
    gps.set(0x0000, { type: BYTE, values: [2, 3, 0, 0] });
    gps.set(0x0001, text(latitude >= 0 ? "N" : "S"));
    gps.set(0x0002, degrees(latitude));
    gps.set(0x0003, text(longitude >= 0 ? "E" : "W"));
    gps.set(0x0004, degrees(longitude));
  }
  return { ifd0, exif, gps };
}

// Bytes an IFD takes: its count, 12 per entry, the next-IFD offset, and values over 4 bytes after it.
const valueBytes = ({ type, values }) => SIZE[type] * (type === RATIONAL ? values.length / 2 : values.length);
const ifdBytes = (entries) => 2 + 12 * entries.size + 4 +
  [...entries.values()].reduce((sum, value) => sum + (valueBytes(value) > 4 ? valueBytes(value) + (valueBytes(value) & 1) : 0), 0);

function writeValue(view, at, { type, values }) {
  const step = type === RATIONAL ? 4 : SIZE[type];
  values.forEach((value, i) => {
    if (step === 1) view.setUint8(at + i, value);
    else if (step === 2) view.setUint16(at + 2 * i, value);
    else view.setUint32(at + 4 * i, value);
  });
}

function writeIfd(view, at, entries) {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  view.setUint16(at, sorted.length);
  let data = at + 2 + 12 * sorted.length + 4;  // the next-IFD offset stays 0: one IFD a chain
  sorted.forEach(([tag, value], i) => {
    const entry = at + 2 + 12 * i;
    const count = value.type === RATIONAL ? value.values.length / 2 : value.values.length;
    view.setUint16(entry, tag);
    view.setUint16(entry + 2, value.type);
    view.setUint32(entry + 4, count);
    if (valueBytes(value) <= 4) return writeValue(view, entry + 8, value);
    view.setUint32(entry + 8, data);
    writeValue(view, data, value);
    data += valueBytes(value) + (valueBytes(value) & 1);  // values start on a word boundary
  });
}

/**
 * The Exif block (TIFF header first, as libavif stores it) for `facts`, or null when there is nothing to
 * say. GPS position only with `keepGps`.
 * @param {PhotoFacts} facts
 * @param {{ keepGps?: boolean }} [options]
 * @returns {Uint8Array | null}
 */
export function exifBlock(facts, { keepGps = false } = {}) {
  const { ifd0, exif, gps } = directories(facts, keepGps);
  if (!ifd0.size && !exif.size && !gps.size) return null;
  // Pointers first, with placeholder offsets, so each IFD's size is known before any is placed.
  if (exif.size) ifd0.set(0x8769, { type: LONG, values: [0] });
  if (gps.size) ifd0.set(0x8825, { type: LONG, values: [0] });
  const exifAt = 8 + ifdBytes(ifd0);
  const gpsAt = exifAt + (exif.size ? ifdBytes(exif) : 0);
  if (exif.size) ifd0.set(0x8769, { type: LONG, values: [exifAt] });
  if (gps.size) ifd0.set(0x8825, { type: LONG, values: [gpsAt] });
  const bytes = new Uint8Array(gpsAt + (gps.size ? ifdBytes(gps) : 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x4d4d002a);  // "MM", 42
  view.setUint32(4, 8);
  writeIfd(view, 8, ifd0);
  if (exif.size) writeIfd(view, exifAt, exif);
  if (gps.size) writeIfd(view, gpsAt, gps);
  return bytes;
}
