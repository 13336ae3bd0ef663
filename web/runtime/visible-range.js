// Which photos of a layout meet the band [top, bottom) of the page, by binary search.
// Photos are placed in order and their top edges never decrease (rows, grid, and shortest-column
// masonry alike), so the last candidate is found on the tops; bottoms are not ordered in masonry, so
// the first candidate is found on their running maximum.

function firstIndex(count, isAfter) {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfter(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * @param {Float64Array} boxes x, y, width, height per photo
 * @returns {(top: number, bottom: number) => [number, number]} the range [first, end) of photos that
 *   may be in the band: every photo in it is, but for masonry columns a few around it may not be
 */
export function visibleRangeOf(boxes) {
  const count = boxes.length / 4;
  let runningBottom = null;  // computed on first use
  return (top, bottom) => {
    if (!runningBottom) {
      runningBottom = new Float64Array(count);
      let lowest = -Infinity;
      for (let i = 0; i < count; i++) runningBottom[i] = lowest = Math.max(lowest, boxes[4 * i + 1] + boxes[4 * i + 3]);
    }
    const first = firstIndex(count, (i) => runningBottom[i] > top);
    const end = firstIndex(count, (i) => boxes[4 * i + 1] >= bottom);
    return [first, Math.max(first, end)];
  };
}
