// A pool of codec workers (single-threaded wasm each: pthreads would need cross-origin isolation, which
// static hosts rarely allow). Workers start on first need; higher-priority jobs go first; an aborted job
// leaves the queue; a crashed worker is replaced and its job tried once more.

const MAX_ATTEMPTS = 2;

export class CodecPool {
  #size;
  #workerUrl;
  #idle = [];
  #running = new Map();  // worker -> job
  #queue = [];
  #nextId = 1;
  #workers = 0;

  constructor({ size = Math.min(globalThis.navigator?.hardwareConcurrency || 2, 4),
    workerUrl = new URL("./codec-worker.js", import.meta.url) } = {}) {
    this.#size = Math.max(1, size);
    this.#workerUrl = workerUrl;
  }

  /**
   * Decodes AVIF bytes in a worker. `priority`: larger first (photos in view before those near it).
   * @param {Uint8Array} bytes
   * @param {{ maxWidth?: number, maxHeight?: number, pixelLimit?: number, priority?: number, signal?: AbortSignal }} [options]
   * @returns {Promise<{ width: number, height: number, data: Uint8ClampedArray }>}
   */
  decode(bytes, { maxWidth = 0, maxHeight = 0, pixelLimit = 64e6, priority = 0, signal } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const job = { id: this.#nextId++, bytes, maxWidth, maxHeight, pixelLimit, priority, resolve, reject, attempts: 0 };
      signal?.addEventListener("abort", () => {
        const queued = this.#queue.indexOf(job);
        if (queued >= 0) this.#queue.splice(queued, 1);
        job.cancelled = true;
        reject(signal.reason);
      }, { once: true });
      this.#queue.push(job);
      this.#pump();
    });
  }

  #pump() {
    while (this.#queue.length && (this.#idle.length || this.#workers < this.#size)) {
      // The highest priority, and of equals the oldest.
      let best = 0;
      for (let i = 1; i < this.#queue.length; i++) if (this.#queue[i].priority > this.#queue[best].priority) best = i;
      const [job] = this.#queue.splice(best, 1);
      const worker = this.#idle.pop() ?? this.#startWorker();
      this.#running.set(worker, job);
      job.attempts++;
      const bytes = job.bytes.slice();  // transferred: the job keeps its own for a retry
      worker.postMessage({ id: job.id, bytes, maxWidth: job.maxWidth, maxHeight: job.maxHeight, pixelLimit: job.pixelLimit },
        [bytes.buffer]);
    }
  }

  #startWorker() {
    const worker = new Worker(this.#workerUrl, { type: "module" });
    this.#workers++;
    worker.onmessage = ({ data }) => this.#finish(worker, data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#crashed(worker, event.message || "the decoder worker failed");
    };
    return worker;
  }

  #finish(worker, result) {
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    this.#idle.push(worker);
    if (job && !job.cancelled) {
      if (result.error) job.reject(new Error(result.error));
      else job.resolve({ width: result.width, height: result.height, data: result.data });
    }
    this.#pump();
  }

  #crashed(worker, reason) {
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    worker.terminate();
    this.#workers--;
    if (job && !job.cancelled) {
      if (job.attempts < MAX_ATTEMPTS) this.#queue.push(job);
      else job.reject(new Error(reason));
    }
    this.#pump();
  }
}
