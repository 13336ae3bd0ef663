// A pool of codec workers (single-threaded wasm each: pthreads would need cross-origin isolation, which
// static hosts rarely allow). Workers start on first need; higher-priority jobs go first; an aborted job
// leaves the queue; a worker that crashed (an error event, or its codec failing) is replaced and its job
// tried once more; dispose() ends them all.
// Two kinds of job: decoding AVIF (short; its worker is kept for the next) and encoding a photo to AVIF
// (seconds, and libaom's memory peaks at hundreds of MiB, which wasm never gives back): an encode's
// worker is ended when the job ends or is cancelled, which frees that memory and stops libaom mid-way.
// Once a page decodes in wasm, encodes leave one worker to decodes, so photos still paint while a batch
// encodes; where the browser decodes AVIF itself, encodes may take every worker.
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
  #decodes = false;  // whether this page decodes here at all
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
    this.#decodes = true;
    return this.#run({
      kind: "decode", priority, signal,
      // transferred: the job keeps its own bytes for a retry
      message: () => {
        const copy = bytes.slice();
        return [{ kind: "decode", bytes: copy, maxWidth, maxHeight, pixelLimit }, [copy.buffer]];
      },
      result: ({ width, height, data }) => ({ width, height, data }),
    });
  }

  /**
   * Encodes a photo file (JPEG, PNG, WebP: what the browser decodes) to AVIF in a worker: decoded
   * upright, scaled down to `longestEdge` and `pixelLimit` (image-decode.js), then encoded with
   * `quality`, `speed` and `exif` as stills.encodeAvif takes them. `onProgress` hears "decoding" when a
   * worker takes the job, then "encoding" with the size once the photo is decoded. Cancelling (`signal`) stops the encoder where it is.
   * @param {Blob} file
   * @param {{ longestEdge?: number, pixelLimit?: number, quality?: number, speed?: number,
   *   exif?: Uint8Array | null, signal?: AbortSignal,
   *   onProgress?: (stage: "decoding" | "encoding", size: { width?: number, height?: number }) => void }} [options]
   * @returns {Promise<{ width: number, height: number, avif: Uint8Array }>}
   */
  encode(file, { longestEdge, pixelLimit, quality, speed, exif = null, signal, onProgress } = {}) {
    return this.#run({
      kind: "encode", priority: 0, signal, onProgress,
      message: () => [{ kind: "encode", file, longestEdge, pixelLimit, quality, speed, exif }, []],
      result: ({ width, height, avif }) => ({ width, height, avif }),
    });
  }

  /** Ends every worker; queued and running jobs reject with an AbortError. */
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

  /**
   * @param {{ kind: "decode" | "encode", priority: number, signal?: AbortSignal, onProgress?: Function,
   *   message: () => [object, Transferable[]], result: (answer: any) => any }} job message: what to post
   *   the worker for an attempt, with what to transfer; result: the answer as the caller gets it
   * @returns {Promise<any>}
   */
  #run({ kind, priority, signal, onProgress, message, result }) {
    return new Promise((resolve, reject) => {
      if (this.#disposed) return reject(disposedError());
      if (signal?.aborted) return reject(signal.reason);
      const job = { id: this.#nextId++, kind, priority, message, onProgress, resolve: (data) => resolve(result(data)), reject, attempts: 0 };
      signal?.addEventListener("abort", () => {
        this.#cancel(job);
        reject(signal.reason);
      }, { once: true });
      this.#queue.push(job);
      this.#pump();
    });
  }

  // A queued job leaves the queue; a running encode's worker is ended (a decode is let finish: it is short).
  #cancel(job) {
    job.cancelled = true;
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) this.#queue.splice(queued, 1);
    const worker = [...this.#running].find(([, running]) => running === job)?.[0];
    if (worker && job.kind === "encode") this.#end(worker);
  }

  // The next job a free worker may take: the highest priority, of equals the oldest; an encode only while
  // another worker is left for decodes, if there are any (and the pool has more than one).
  #next() {
    const encoding = [...this.#running.values()].filter((job) => job.kind === "encode").length;
    const encodeAllowed = encoding < (this.#decodes ? Math.max(1, this.#size - 1) : this.#size);
    let best = -1;
    this.#queue.forEach((job, i) => {
      if (job.kind === "encode" && !encodeAllowed) return;
      if (best < 0 || job.priority > this.#queue[best].priority) best = i;
    });
    return best < 0 ? null : this.#queue.splice(best, 1)[0];
  }

  #pump() {
    while (this.#idle.length || this.workers < this.#size) {
      const job = this.#next();
      if (!job) return;
      let worker;
      try {
        worker = this.#idle.pop() ?? this.#startWorker();
      } catch (error) {  // the page's policy forbids this worker: no job can run
        job.reject(new Error(`the codec worker could not start: ${error?.message ?? error}`));
        continue;
      }
      this.#running.set(worker, job);
      job.attempts++;
      const [message, transfer] = job.message();
      worker.postMessage({ id: job.id, ...message }, transfer);
    }
  }

  #startWorker() {
    const worker = new Worker(this.#workerScript(), { type: "module" });
    worker.onmessage = ({ data }) => this.#finish(worker, data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#crashed(worker, event.message || "the codec worker failed");
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
    if (!job) return;  // disposed or cancelled meanwhile
    if (result.progress) return job.cancelled || job.onProgress?.(result.progress, { width: result.width, height: result.height });
    this.#running.delete(worker);
    if (job.kind === "encode") worker.terminate();  // its memory goes with it
    else this.#idle.push(worker);
    if (!job.cancelled) {
      if (result.error) job.reject(new Error(result.error));
      else job.resolve(result);
    }
    this.#pump();
  }

  // Ends a running worker whose job is no longer wanted, and lets the queue go on.
  #end(worker) {
    worker.terminate();
    this.#running.delete(worker);
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
