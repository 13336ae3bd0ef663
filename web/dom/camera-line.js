// The line a photo's camera facts make under its caption: "LEICA M6 · 35 mm · f/8 · 1/125 s · ISO 400".

/**
 * @typedef {{ make?: string, model?: string, lens?: string, taken?: string, focalLength?: number,
 *   fNumber?: number, exposureTime?: number, iso?: number }} CameraFacts  as probeAvif gives them
 */

// The camera's name: its model, after the maker's name unless the model says it already ("Canon EOS R5").
function cameraName(make = "", model = "") {
  const maker = make.split(/\s+/)[0] ?? "";
  if (!model) return maker;
  return maker && !model.toLowerCase().includes(maker.toLowerCase()) ? `${maker} ${model}` : model;
}

const decimals = (value) => String(Math.round(value * 10) / 10);

function shutter(seconds) {
  if (seconds >= 1) return `${decimals(seconds)} s`;
  return `1/${Math.round(1 / seconds)} s`;
}

/**
 * @param {CameraFacts | null | undefined} facts
 * @returns {string} "" when the facts say nothing
 */
export function cameraLine(facts) {
  if (!facts) return "";
  const { make, model, focalLength, fNumber, exposureTime, iso } = facts;
  return [
    cameraName(make, model),
    focalLength ? `${focalLength >= 10 ? Math.round(focalLength) : decimals(focalLength)} mm` : "",
    fNumber ? `f/${decimals(fNumber)}` : "",
    exposureTime ? shutter(exposureTime) : "",
    iso ? `ISO ${iso}` : "",
  ].filter(Boolean).join(" · ");
}
