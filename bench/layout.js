// Gallery layout: stills (wasm, through the JS API) against flickr's justified-layout, react-photo-album's
// rows layout and immich's Rust/wasm layout, on the same seeded mixed galleries in one node process.
// Prints time per layout (median, hand-over to JS included) and quality; asserts nothing.
//   node bench/layout.js [--all]     (--all also runs justified-layout at 100,000: ~15 s)
import justifiedLayout from "justified-layout";
import { initSync, get_justified_layout } from "@immich/justified-layout-wasm/pkg/justified-layout-wasm.js";
import { MODULE } from "@immich/justified-layout-wasm/pkg/justified-layout-wasm-module.js";
import { createStills } from "../dist/stills.js";

// The rows layout is internal to react-photo-album (no export path): load its file directly.
const { default: computeRowsLayout } = await import(
  new URL("../node_modules/react-photo-album/dist/layouts/rows.js", import.meta.url));

const WIDTH = 1200;
const TARGET = 240;
const SPACING = 8;
const SIZES = [17, 100, 1_000, 10_000, 100_000];
const runAll = process.argv.includes("--all");

initSync({ module: MODULE });
const stills = await createStills();

function mixedGallery(n, seed = 1) {
  const kinds = [3 / 2, 2 / 3, 4 / 3, 16 / 9, 1, 1.37, 3, 1 / 3];
  let x = seed;
  // The high bits of a linear congruential generator (its low bits repeat with a short period).
  return Float64Array.from({ length: n }, () => kinds[Math.floor(((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 8)]);
}

// Each engine returns rows as [{ top, height, left, right }] (left/right: the row's outer edges).
const engines = {
  stills(ratios) {
    const { boxes, rows } = stills.layout(ratios, { width: WIDTH, rowHeight: TARGET, spacing: SPACING });
    return () => Array.from(rows, (start, r) => {
      const end = (rows[r + 1] ?? boxes.length / 4) - 1;
      return { height: boxes[4 * start + 3], left: boxes[4 * start], right: boxes[4 * end] + boxes[4 * end + 2] };
    });
  },
  "justified-layout 4.1"(ratios) {
    const { boxes } = justifiedLayout(Array.from(ratios), {
      containerWidth: WIDTH, targetRowHeight: TARGET, boxSpacing: SPACING, containerPadding: 0,
    });
    return () => rowsOfBoxes(boxes.map((b) => [b.top, b.left, b.width, b.height]));
  },
  "react-photo-album 3.6 rows"(ratios) {
    const photos = Array.from(ratios, (r) => ({ width: r * 1000, height: 1000 }));
    const { tracks } = computeRowsLayout(photos, SPACING, 0, WIDTH, TARGET);
    return () => tracks.map(({ photos: row }) => {
      const width = row.reduce((sum, p) => sum + p.width, 0) + SPACING * (row.length - 1);
      return { height: row[0].height, left: 0, right: width };
    });
  },
  "@immich/justified-layout-wasm 0.4"(ratios) {
    const out = get_justified_layout(Float32Array.from(ratios), TARGET, WIDTH, SPACING, 0.15);
    return () => {
      const boxes = [];
      for (let i = 4; i < out.length; i += 4) boxes.push([out[i], out[i + 1], out[i + 2], out[i + 3]]);
      return rowsOfBoxes(boxes);
    };
  },
};

function rowsOfBoxes(boxes) {  // [top, left, width, height], in order
  const rows = [];
  for (const [top, left, width, height] of boxes) {
    const row = rows.at(-1);
    if (row && row.top === top) row.right = left + width;
    else rows.push({ top, height, left, right: left + width });
  }
  return rows;
}

function medianMs(run, n) {
  const repeats = n <= 1000 ? 50 : n <= 10_000 ? 9 : 3;
  const times = [];
  for (let i = 0; i < repeats + 2; i++) {
    const start = performance.now();
    run();
    if (i >= 2) times.push(performance.now() - start);  // the first two warm up
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function quality(rows) {
  const full = rows.slice(0, -1);  // the last row may be short by design in every engine
  const off = full.map((r) => Math.abs(r.height - TARGET));
  return {
    rows: rows.length,
    mean: off.reduce((a, b) => a + b, 0) / Math.max(1, off.length),
    max: Math.max(0, ...off),
    farOff: off.filter((d) => d > TARGET / 4).length,
    short: Math.max(0, ...full.map((r) => WIDTH - r.right)),
  };
}

console.log(`Mixed galleries (3:2 2:3 4:3 16:9 1:1 1.37:1 3:1 1:3), ${WIDTH} px wide, ${TARGET} px rows, ${SPACING} px gaps.`);
console.log("engine".padEnd(36) + "N".padStart(8) + "ms".padStart(10) + "rows".padStart(8) + "mean px".padStart(9) +
  "max px".padStart(8) + ">25%".padStart(7) + "short px".padStart(10));
for (const n of SIZES) {
  const ratios = mixedGallery(n);
  for (const [name, engine] of Object.entries(engines)) {
    if (name.startsWith("justified-layout") && n > 10_000 && !runAll) {
      console.log(name.padEnd(36) + String(n).padStart(8) + "   (skipped: O(n²), ~15 s; --all runs it)");
      continue;
    }
    const ms = medianMs(() => engine(ratios), n);
    const q = quality(engine(ratios)());
    console.log(name.padEnd(36) + String(n).padStart(8) + ms.toFixed(3).padStart(10) + String(q.rows).padStart(8) +
      q.mean.toFixed(1).padStart(9) + q.max.toFixed(1).padStart(8) + String(q.farOff).padStart(7) + q.short.toFixed(1).padStart(10));
  }
}
