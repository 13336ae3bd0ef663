// A photo's bytes, read as far as needed: the first few kilobytes for the probe (a Range request, or a
// plain response read until enough has arrived, so servers without Range support work too), then the
// rest only if the photo is decoded here, reusing what was already read. Reads are taken one at a
// time, so two readers of the same photo share one set of requests.

export class PhotoBytes {
  #url;
  #chunks = [];
  #length = 0;
  /** @type {number | null} the file's size once known */
  #total = null;
  /** @type {ReadableStreamDefaultReader<Uint8Array> | null} a plain (200) response still being read */
  #reader = null;
  #ranges = true;   // the server honours Range requests, until it shows it does not
  /** @type {Promise<unknown>} */
  #turn = Promise.resolve();

  /** @param {string} url */
  constructor(url) {
    this.#url = url;
  }

  /**
   * At least the first `count` bytes (fewer only when the file is shorter), and whether that is all.
   * @param {number} count
   * @param {{ signal?: AbortSignal }} [options]
   * @returns {Promise<{ bytes: Uint8Array, complete: boolean }>}
   */
  head(count, { signal } = {}) {
    return this.#inTurn(async () => {
      while (this.#length < count && !this.#complete()) await this.#readMore(count, signal);
      return { bytes: this.#bytes(), complete: this.#complete() };
    });
  }

  /**
   * The whole file.
   * @param {{ signal?: AbortSignal }} [options]
   * @returns {Promise<Uint8Array>}
   */
  all({ signal } = {}) {
    return this.#inTurn(async () => {
      while (!this.#complete()) await this.#readMore(Infinity, signal);
      return this.#bytes();
    });
  }

  /** Stops reading a plain response whose rest will not be needed now. */
  release() {
    this.#reader?.cancel().catch(() => {});
    this.#reader = null;
  }

  /**
   * @template T
   * @param {() => Promise<T>} read
   * @returns {Promise<T>}
   */
  #inTurn(read) {
    const result = this.#turn.then(read);
    this.#turn = result.catch(() => {});
    return result;
  }

  #complete() {
    return this.#total !== null && this.#length >= this.#total;
  }

  #bytes() {
    if (this.#chunks.length > 1) this.#chunks = [concat(this.#chunks, this.#length)];
    return this.#chunks[0] ?? new Uint8Array(0);
  }

  #append(chunk) {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  async #readMore(wanted, signal) {
    if (this.#reader) return this.#readStream(wanted);
    const range = this.#ranges && Number.isFinite(wanted) ? `bytes=${this.#length}-${wanted - 1}`
      : this.#length > 0 && this.#ranges ? `bytes=${this.#length}-` : null;
    const response = await fetch(this.#url, { headers: range ? { Range: range } : {}, signal });
    if (response.status === 206) {
      const size = /\/(\d+)$/.exec(response.headers.get("content-range") ?? "");
      if (size) this.#total = Number(size[1]);
      const chunk = new Uint8Array(await response.arrayBuffer());
      this.#append(chunk);
      if (!size && chunk.length === 0) this.#total = this.#length;
      return;
    }
    if (response.status === 416) {  // asked past the end: what we have is all there is
      this.#total = this.#length;
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    // A plain response: the whole file from its start, whatever was read before.
    this.#ranges = false;
    this.#chunks = [];
    this.#length = 0;
    const declared = Number(response.headers.get("content-length"));
    if (declared > 0 && !response.headers.get("content-encoding")) this.#total = declared;
    if (!response.body) throw new Error("the response has no body");
    this.#reader = response.body.getReader();
    return this.#readStream(wanted);
  }

  /** @param {number} wanted */
  async #readStream(wanted) {
    const reader = /** @type {ReadableStreamDefaultReader<Uint8Array>} */ (this.#reader);
    try {
      while (this.#length < wanted) {
        const { done, value } = await reader.read();
        if (done) {
          this.#total = this.#length;
          this.#reader = null;
          return;
        }
        this.#append(value);
      }
    } catch (error) {
      this.#reader = null;  // a broken or aborted stream: the next read starts a new response
      throw error;
    }
  }
}

function concat(chunks, length) {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
