// The ISOBMFF boxes of an AVIF file, for tests that craft hostile files from real ones.

const CONTAINERS = new Set(["meta", "iprp", "ipco", "iinf", "iref", "dinf", "moov", "trak", "mdia", "minf", "stbl"]);
const FULL_BOXES = new Set(["meta"]);  // a version and flags before their children

/**
 * Every box of `bytes`, depth first.
 * @param {Uint8Array} bytes
 * @returns {Array<{ type: string, start: number, end: number, headerSize: number }>}
 */
export function boxes(bytes, from = 0, to = bytes.length, found = []) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = from; at + 8 <= to;) {
    const size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = size === 0 ? to : at + size;
    if (size < 8 || end > to) break;
    found.push({ type, start: at, end, headerSize: 8 });
    if (CONTAINERS.has(type)) boxes(bytes, at + 8 + (FULL_BOXES.has(type) ? 4 : 0), end, found);
    at = end;
  }
  return found;
}

/** The first box of `type`, or undefined. */
export const findBox = (bytes, type) => boxes(bytes).find((box) => box.type === type);

/**
 * A copy of `bytes` with `edit(view, box)` applied to the first box of `type`.
 * @param {Uint8Array} bytes
 * @param {string} type
 * @param {(view: DataView, box: { start: number, end: number }) => void} edit
 */
export function patched(bytes, type, edit) {
  const copy = bytes.slice();
  const box = findBox(copy, type);
  if (!box) throw new Error(`no ${type} box`);
  edit(new DataView(copy.buffer), box);
  return copy;
}

/** `bytes` with its primary image's declared size (the first ispe) set to width x height. */
export const withDeclaredSize = (bytes, width, height) => patched(bytes, "ispe", (view, box) => {
  view.setUint32(box.start + 12, width);
  view.setUint32(box.start + 16, height);
});
