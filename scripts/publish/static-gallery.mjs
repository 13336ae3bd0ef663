// A gallery that holds without JS: the layout engine's rows at a reference width, written as CSS. Each
// row is a flex line whose photos grow in proportion to their aspect ratios, so a row keeps one height
// and fills its share of the width at any width; a last row left short keeps its share (a percentage).
// Class names are the post's own: .r<gallery>-<row> and .p<gallery>-<photo>.

/** The width the rows are broken for: the site's text column plus its galleries' bleed. */
export const REFERENCE_WIDTH = 960;

const number = (value) => String(Math.round(value * 10000) / 10000);

/**
 * @param {{ layout: Function }} stills
 * @param {number} index the gallery's place in the post
 * @param {Array<{ width: number, height: number }>} sizes each photo's size as shown
 * @param {{ rowHeight: (width: number) => number, spacing: number, lastRow: string }} options the
 *   galleries' layout (GALLERY_LAYOUT)
 * @returns {{ rows: number[][], css: string }} rows: the photos' indices, row by row
 */
export function staticGallery(stills, index, sizes, options) {
  const ratios = sizes.map(({ width, height }) => width / height);
  const spacing = options.spacing;
  const { boxes, rows: starts } = stills.layout(ratios, {
    mode: "rows", width: REFERENCE_WIDTH, rowHeight: options.rowHeight(REFERENCE_WIDTH), spacing, lastRow: options.lastRow,
  });
  const rows = [...starts].map((start, r) => {
    const end = r + 1 < starts.length ? starts[r + 1] : ratios.length;
    return Array.from({ length: end - start }, (_, i) => start + i);
  });
  const css = [`.g${index} .static-row { display: flex; gap: ${spacing}px; margin-bottom: ${spacing}px; }`];
  rows.forEach((row, r) => {
    const last = row.at(-1) ?? 0;
    const used = boxes[4 * last] + boxes[4 * last + 2];  // the row's right edge
    if (used < REFERENCE_WIDTH - 1) css.push(`.r${index}-${r} { width: ${number((100 * used) / REFERENCE_WIDTH)}%; }`);
    for (const photo of row) css.push(`.p${index}-${photo} { flex: ${number(ratios[photo])} 1 0; min-width: 0; }`);
  });
  return { rows, css: css.join("\n") };
}
