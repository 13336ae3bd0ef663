// A pool of codec workers (single-threaded wasm each: pthreads would need cross-origin isolation, which
// static hosts rarely allow). Workers start on first need; higher-priority jobs go first; an aborted job
// leaves the queue; a worker that crashed (an error event, or its codec failing) is replaced and its job
// tried once more; dispose() ends them all.
// A worker script on another origin than the page (a widget's files served from elsewhere) cannot be
// started from its URL: it is then imported by a small same-origin blob: module (CSP: worker-src blob:).

import { distUrl } from "./dist-root.js";

const MAX_ATTEMPTS = 2;

export class CodecPool {
  #size;
  #workerUrl;
  #idle = [];
  #running = new Map();  // worker -> job
  #queue = [];
  #nextId = 1;
  #disposed = false;
  /** @type {string | null} the blob: module that imports a cross-origin worker script */
  #workerBlob = null;

  /** @param {{ size?: number, workerUrl?: URL }} [options] */
  constructor({ size = Math.min(globalThis.navigator?.hardwareConcurrency || 2, 4),
    workerUrl = distUrl("runtime/codec-worker.js") } = {}) {
    this.#size = Math.max(1, size);
    this.#workerUrl = workerUrl;
  }

  /** Workers started and not yet ended. */
  get workers() {
    return this.#idle.length + this.#running.size;
  }

  /**
   * Decodes AVIF bytes in a worker. `priority`: larger first (photos in view before those near it).
   * `pixelLimit` 0 keeps the decoder's own limit.
   * @param {Uint8Array} bytes
   * @param {{ maxWidth?: number, maxHeight?: number, pixelLimit?: number, priority?: number, signal?: AbortSignal }} [options]
   * @returns {Promise<{ width: number, height: number, data: Uint8ClampedArray }>}
   */
  decode(bytes, { maxWidth = 0, maxHeight = 0, pixelLimit = 0, priority = 0, signal } = {}) {
    return new Promise((resolve, reject) => {
      if (this.#disposed) return reject(disposedError());
      if (signal?.aborted) return reject(signal.reason);
      const job = { id: this.#nextId++, bytes, maxWidth, maxHeight, pixelLimit, priority, resolve, reject, attempts: 0 };
      signal?.addEventListener("abort", () => {
        this.#dequeue(job);
        job.cancelled = true;
        reject(signal.reason);
      }, { once: true });
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Ends every worker; queued and running decodes reject with an AbortError. */
  dispose() {
    this.#disposed = true;
    const jobs = [...this.#queue, ...this.#running.values()];
    for (const worker of [...this.#idle, ...this.#running.keys()]) worker.terminate();
    if (this.#workerBlob) URL.revokeObjectURL(this.#workerBlob);
    this.#workerBlob = null;
    this.#idle = [];
    this.#running.clear();
    this.#queue = [];
    for (const job of jobs) if (!job.cancelled) job.reject(disposedError());
  }

  #dequeue(job) {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
  }

  #pump() {
    while (this.#queue.length && (this.#idle.length || this.workers < this.#size)) {
      // The highest priority, and of equals the oldest.
      let best = 0;
      for (let i = 1; i < this.#queue.length; i++) if (this.#queue[i].priority > this.#queue[best].priority) best = i;
      const [job] = this.#queue.splice(best, 1);
      let worker;
      try {
        worker = this.#idle.pop() ?? this.#startWorker();
      } catch (error) {  // the page's policy forbids this worker: no decode can run
        job.reject(new Error(`the decoder worker could not start: ${error?.message ?? error}`));
        continue;
      }
      this.#running.set(worker, job);
      job.attempts++;
      const bytes = job.bytes.slice();  // transferred: the job keeps its own for a retry
      worker.postMessage({ id: job.id, bytes, maxWidth: job.maxWidth, maxHeight: job.maxHeight, pixelLimit: job.pixelLimit },
        [bytes.buffer]);
    }
  }

  #startWorker() {
    const worker = new Worker(this.#workerScript(), { type: "module" });
    worker.onmessage = ({ data }) => this.#finish(worker, data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#crashed(worker, event.message || "the decoder worker failed");
    };
    return worker;
  }

  #workerScript() {
    const url = this.#workerUrl;
    if (typeof location === "undefined" || url.origin === location.origin || url.protocol === "blob:") return url;
    this.#workerBlob ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: "text/javascript" }));
    return this.#workerBlob;
  }

  #finish(worker, result) {
    if (result.crashed) return this.#crashed(worker, result.crashed);
    const job = this.#running.get(worker);
    if (!job) return;  // disposed meanwhile
    this.#running.delete(worker);
    this.#idle.push(worker);
    if (!job.cancelled) {
      if (result.error) job.reject(new Error(result.error));
      else job.resolve({ width: result.width, height: result.height, data: result.data });
    }
    this.#pump();
  }

  #crashed(worker, reason) {
    worker.terminate();
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    const job = this.#running.get(worker);
    this.#running.delete(worker);
    if (job && !job.cancelled) {
      if (job.attempts < MAX_ATTEMPTS) this.#queue.push(job);
      else job.reject(new Error(reason));
    }
    this.#pump();
  }
}

function disposedError() {
  return new DOMException("the codec pool was disposed", "AbortError");
}
