// A camera's Exif for a test JPEG, written here byte by byte (independent of the editor's own Exif
// writer): orientation 6 (the sensor's top is the photo's right: shown turned 90° clockwise), a Leica's
// facts, the time it was taken and a GPS position.

// [tag, type, values]: type 2 ASCII (a string), 3 SHORT, 4 LONG, 5 RATIONAL ([numerator, denominator] pairs).
const IFD0 = [[0x010f, 2, "Leica Camera AG"], [0x0110, 2, "LEICA M6"], [0x0112, 3, [6]]];
const EXIF = [[0x829a, 5, [[1, 125]]], [0x829d, 5, [[8, 1]]], [0x8827, 3, [400]], [0x9003, 2, "2024:05:01 10:00:00"],
  [0x920a, 5, [[35, 1]]]];
const GPS = [[0x0001, 2, "N"], [0x0002, 5, [[48, 1], [51, 1], [3024, 100]]], [0x0003, 2, "E"], [0x0004, 5, [[2, 1], [17, 1], [4020, 100]]]];

function valueBytes(type, values) {
  if (type === 2) return Buffer.from(`${values}\0`, "latin1");
  const size = { 3: 2, 4: 4, 5: 8 }[type];
  const out = Buffer.alloc(size * values.length);
  values.forEach((value, i) => {
    if (type === 3) out.writeUInt16BE(value, 2 * i);
    else if (type === 4) out.writeUInt32BE(value, 4 * i);
    else out.writeUInt32BE(value[0], 8 * i), out.writeUInt32BE(value[1], 8 * i + 4);
  });
  return out;
}

// One IFD at `at`, its long values after it; returns its bytes.
function ifd(entries, at) {
  const head = Buffer.alloc(2 + 12 * entries.length + 4);
  head.writeUInt16BE(entries.length, 0);
  const data = [];
  let dataAt = at + head.length;
  entries.forEach(([tag, type, values], i) => {
    const bytes = valueBytes(type, values);
    const entry = 2 + 12 * i;
    head.writeUInt16BE(tag, entry);
    head.writeUInt16BE(type, entry + 2);
    head.writeUInt32BE(type === 2 ? bytes.length : values.length, entry + 4);
    if (bytes.length <= 4) bytes.copy(head, entry + 8);
    else {
      head.writeUInt32BE(dataAt, entry + 8);
      data.push(bytes);
      dataAt += bytes.length;
    }
  });
  return Buffer.concat([head, ...data]);
}

/** The TIFF block: IFD0 with pointers to the Exif and GPS IFDs that follow it. */
export function cameraTiff() {
  const ifd0Size = ifd([...IFD0, [0x8769, 4, [0]], [0x8825, 4, [0]]], 8).length;
  const exif = ifd(EXIF, 8 + ifd0Size);
  const gpsAt = 8 + ifd0Size + exif.length;
  const ifd0 = ifd([...IFD0, [0x8769, 4, [8 + ifd0Size]], [0x8825, 4, [gpsAt]]], 8);
  return Buffer.concat([Buffer.from("MM\0*\0\0\0\x08", "latin1"), ifd0, exif, ifd(GPS, gpsAt)]);
}

/** `jpeg` with the camera's Exif as an APP1 segment right after its start marker. */
export function withCameraExif(jpeg) {
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), cameraTiff()]);
  const marker = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}
