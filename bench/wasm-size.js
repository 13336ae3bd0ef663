// What a wasm module's bytes are: each function body's size by the library its name belongs to (from
// a build that keeps names, whose code is the release build's), and the data segments. For the core
// module's size breakdown in bench/core.js.
import { gzipSync } from "node:zlib";

// First match wins; names are demangled C++ or C.
const LIBRARIES = [
  ["yaml-cpp", /YAML::/],
  ["md4c", /^md_|^entity_/],
  ["libc++ locale", /locale|ctype|facet|num_get|num_put|money|time_get|time_put|codecvt|messages|collate|numpunct/],
  ["libc++ iostreams", /basic_(i|o)?stream|basic_ios|streambuf|ios_base|stringbuf/],
  ["embind", /emscripten::|embind/],
  ["stills", /stills::|^\(anonymous namespace\)::/],  // the core, and the bindings' own functions
  ["libc++ other", /std::/],
  ["libc, compiler-rt", /./],
];

function reader(bytes) {
  let pos = 0;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  return {
    leb,
    byte: () => bytes[pos++],
    skip: (n) => { pos += n; },
    text: () => { const n = leb(); const text = Buffer.from(bytes.subarray(pos, pos + n)).toString(); pos += n; return text; },
    get pos() { return pos; },
    set pos(to) { pos = to; },
  };
}

// Imported functions come first in the index space: count them to name the bodies right.
function countFunctionImports(r, end) {
  let functions = 0;
  for (let n = r.leb(); n > 0; n--) {
    r.text();
    r.text();
    const kind = r.byte();
    if (kind === 0) { r.leb(); functions++; }
    else if (kind === 1) { r.byte(); if (r.byte() & 1) r.leb(); r.leb(); }  // table: type, limits
    else if (kind === 2) { if (r.byte() & 1) r.leb(); r.leb(); }            // memory: limits
    else if (kind === 3) r.skip(2);                                         // global: type, mutability
    else if (kind === 4) { r.byte(); r.leb(); }                             // tag
  }
  r.pos = end;
  return functions;
}

/**
 * @param {Uint8Array} named a build of the module with a name section (--profiling-funcs)
 * @returns {{ libraries: Array<{ name: string, raw: number, gzip: number }>, data: { raw: number, gzip: number } }}
 */
export function wasmBreakdown(named) {
  const r = reader(named);
  r.pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = new Uint8Array();
  while (r.pos < named.length) {
    const id = r.byte();
    const size = r.leb();
    const start = r.pos;
    if (id === 2) imported = countFunctionImports(r, start + size);
    if (id === 10) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const length = r.leb();
        bodies.push({ index: imported + i, bytes: named.subarray(r.pos, r.pos + length) });
        r.skip(length);
      }
    }
    if (id === 11) data = named.subarray(start, start + size);
    if (id === 0 && r.text() === "name") {
      while (r.pos < start + size) {
        const kind = r.byte();
        const end = r.leb() + r.pos;
        if (kind === 1) for (let n = r.leb(); n > 0; n--) names.set(r.leb(), r.text());
        r.pos = end;
      }
    }
    r.pos = start + size;
  }
  const parts = new Map(LIBRARIES.map(([name]) => [name, []]));
  for (const body of bodies) {
    const name = names.get(body.index) ?? "";
    parts.get(LIBRARIES.find(([, pattern]) => pattern.test(name))[0]).push(body.bytes);
  }
  const measure = (chunks) => {
    const joined = Buffer.concat(chunks);
    return { raw: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
  };
  return {
    libraries: [...parts].map(([name, chunks]) => ({ name, ...measure(chunks) })).sort((a, b) => b.raw - a.raw),
    data: measure([data]),
  };
}
