// A photo-like test image for the codec benchmarks: smooth light, texture and grain, so that the AV1
// coder has real work (a flat or synthetic card would flatter it).

/** @returns {Uint8ClampedArray} RGBA, opaque */
export function photoPixels(width, height) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const grain = (seed / 2147483648 - 0.5) * 24;
      const light = 128 + 90 * Math.sin(x / width * 3 + y / height * 2);
      const texture = 30 * Math.sin(x / 7) * Math.cos(y / 11);
      const i = 4 * (y * width + x);
      for (let c = 0; c < 3; c++) rgba[i + c] = light + texture * (c + 1) / 2 + grain;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}
