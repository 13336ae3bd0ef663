// The camera line under a photo's caption, from the facts its Exif gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cameraLine } from "../../web/dom/camera-line.js";

test("a Leica's facts make one line: camera · focal length · aperture · shutter · ISO", () => {
  assert.equal(cameraLine({ make: "Leica Camera AG", model: "LEICA M6", focalLength: 35, fNumber: 8, exposureTime: 1 / 125, iso: 400 }),
    "LEICA M6 · 35 mm · f/8 · 1/125 s · ISO 400");
});

test("the maker's name goes before a model that lacks it; a phone's short focal length keeps its decimal", () => {
  assert.equal(cameraLine({ make: "FUJIFILM", model: "X-T4", fNumber: 2.8, exposureTime: 2 }), "FUJIFILM X-T4 · f/2.8 · 2 s");
  assert.equal(cameraLine({ make: "Apple", model: "iPhone 15 Pro", focalLength: 6.86, exposureTime: 1 / 60.2 }), "Apple iPhone 15 Pro · 6.9 mm · 1/60 s");
  assert.equal(cameraLine({ make: "Canon", model: "Canon EOS R5", iso: 100 }), "Canon EOS R5 · ISO 100");
});

test("no facts, no line", () => {
  assert.equal(cameraLine(null), "");
  assert.equal(cameraLine({}), "");
});
