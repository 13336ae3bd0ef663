// A module worker that decodes AVIF with the codec module; the pixels go back transferred, not copied.
import createStillsCodec from "./stills-codec.js";
import { instantiate } from "./wasm-module.js";

const codec = instantiate(createStillsCodec, new URL("./stills-codec.wasm", import.meta.url));

self.onmessage = async ({ data: { id, bytes, maxWidth, maxHeight, pixelLimit } }) => {
  try {
    const result = (await codec).decodeAvif(bytes, maxWidth, maxHeight, pixelLimit);
    if (result.error) return postMessage({ id, error: result.error });
    postMessage({ id, width: result.width, height: result.height, data: result.data }, { transfer: [result.data.buffer] });
  } catch (error) {
    // Not a decoding error (those are results): the codec itself failed (a trap, memory ran out), and
    // an Emscripten module that stopped midway is not to be trusted again. The pool replaces us.
    postMessage({ id, crashed: `the decoder failed: ${error?.message ?? error}` });
    close();
  }
};
