// A module worker of the codec pool. "decode": AVIF bytes to pixels with the codec module. "encode": a
// photo file to AVIF, decoded by the browser (image-decode.js) and encoded by the encoder module. Each
// module is loaded on its first job; results go back transferred, not copied.
import { decodeImage } from "./image-decode.js";
import { moduleOnFirstUse } from "./wasm-module.js";

const codec = moduleOnFirstUse("stills-codec");
const encoder = moduleOnFirstUse("stills-encoder");

async function decode({ id, bytes, maxWidth, maxHeight, pixelLimit }) {
  const result = (await codec.load()).decodeAvif(bytes, maxWidth, maxHeight, pixelLimit);
  if (result.error) return postMessage({ id, error: result.error });
  postMessage({ id, width: result.width, height: result.height, data: result.data }, { transfer: [result.data.buffer] });
}

async function encode({ id, file, longestEdge, pixelLimit, quality, speed, exif }) {
  const module = encoder.load();  // fetched and compiled while the browser decodes the photo
  module.catch(() => {});  // awaited below; an early answer (an unreadable photo) must not leave it unhandled
  postMessage({ id, progress: "decoding" });
  let image;
  try {
    image = await decodeImage(file, { longestEdge, pixelLimit });
  } catch (error) {
    return postMessage({ id, error: error.message });  // the browser cannot read it: an answer, not a crash
  }
  postMessage({ id, progress: "encoding", width: image.width, height: image.height });
  const pixels = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
  const result = (await module).encodeAvif(pixels, image.width, image.height, { quality, speed, exif });
  if (result.error) return postMessage({ id, error: result.error });
  postMessage({ id, width: image.width, height: image.height, avif: result.data }, { transfer: [result.data.buffer] });
}

self.onmessage = async ({ data }) => {
  try {
    await (data.kind === "encode" ? encode(data) : decode(data));
  } catch (error) {
    // Not a content error (those are answers): a codec itself failed (a trap, memory ran out), and an
    // Emscripten module that stopped midway is not to be trusted again. The pool replaces us.
    postMessage({ id: data.id, crashed: `the ${data.kind === "encode" ? "encoder" : "decoder"} failed: ${error?.message ?? error}` });
    close();
  }
};
