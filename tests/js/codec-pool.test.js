// The codec worker pool's scheduling, with scripted stand-in workers (node has no Web Workers): pool
// size, priorities, cancellation, transfers, and crashed workers replaced without losing work.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

const log = [];
let behaviour = () => "decode";  // per message: "decode" | "crash" | "codec failed" | "error"
let started = 0;

class ScriptedWorker {
  constructor(url, options) {
    assert.equal(options.type, "module");
    this.name = `worker ${++started}`;
  }
  postMessage(message, transfer) {
    log.push({ worker: this.name, id: message.id, priority: message.maxWidth, transferred: transfer[0] === message.bytes.buffer });
    const action = behaviour(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (action === "crash") return this.onerror({ message: "worker crashed", preventDefault() {} });
      if (action === "codec failed") return this.onmessage({ data: { id: message.id, crashed: "the decoder failed: unreachable" } });
      if (action === "error") return this.onmessage({ data: { id: message.id, error: "not a readable AVIF file" } });
      const data = new Uint8ClampedArray(4).fill(message.bytes[0]);
      this.onmessage({ data: { id: message.id, width: 1, height: 1, data } });
    }, 5);
  }
  terminate() {
    this.terminated = true;
  }
}
globalThis.Worker = ScriptedWorker;
const { CodecPool } = await import("../../web/runtime/codec-pool.js");

beforeEach(() => {
  log.length = 0;
  behaviour = () => "decode";
  started = 0;
});

const bytes = (value) => new Uint8Array([value, 1, 2, 3]);

test("no more workers than the pool size; each job answered with its own pixels", async () => {
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///codec-worker.js") });
  const results = await Promise.all([1, 2, 3, 4, 5].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [1, 2, 3, 4, 5]);
  assert.equal(started, 2);
  assert.ok(log.every((entry) => entry.transferred), "the bytes are transferred to the worker");
});

test("queued jobs go by priority, oldest first among equals", async () => {
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const jobs = [[10, 0], [20, 0], [30, 1], [40, 5], [50, 1]].map(([v, priority]) => pool.decode(bytes(v), { maxWidth: v, priority }));
  await Promise.all(jobs);
  assert.deepEqual(log.map((entry) => entry.priority), [10, 40, 30, 50, 20]);
});

test("an aborted job leaves the queue and rejects", async () => {
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const controller = new AbortController();
  const first = pool.decode(bytes(1), { maxWidth: 1 });
  const cancelled = pool.decode(bytes(2), { maxWidth: 2, signal: controller.signal });
  const third = pool.decode(bytes(3), { maxWidth: 3 });
  controller.abort(new DOMException("left the page", "AbortError"));
  await assert.rejects(cancelled, { name: "AbortError" });
  await Promise.all([first, third]);
  assert.deepEqual(log.map((entry) => entry.priority), [1, 3]);
});

test("a crashed worker is replaced and its job tried again; queued work goes on", async () => {
  let crashes = 1;
  behaviour = () => (crashes-- > 0 ? "crash" : "decode");
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const results = await Promise.all([7, 8].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [7, 8]);
  assert.equal(started, 2, "a second worker replaced the first");
});

test("a job that crashes its worker twice fails; a decoding error fails at once", async () => {
  behaviour = (message) => (message.bytes[0] === 9 ? "crash" : message.bytes[0] === 6 ? "error" : "decode");
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  await assert.rejects(pool.decode(bytes(9)), /worker crashed/);
  await assert.rejects(pool.decode(bytes(6)), /not a readable AVIF/);
  assert.equal((await pool.decode(bytes(5))).data[0], 5);
});

test("a worker whose codec failed (a trap caught in the worker) is replaced, not asked again", async () => {
  let failures = 1;
  behaviour = () => (failures-- > 0 ? "codec failed" : "decode");
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const results = await Promise.all([7, 8].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [7, 8]);
  assert.equal(started, 2);
  assert.deepEqual(log.map((entry) => entry.worker), ["worker 1", "worker 2", "worker 2"]);
  behaviour = () => "codec failed";
  await assert.rejects(pool.decode(bytes(3)), /the decoder failed: unreachable/);
  assert.equal(started, 3, "the idle worker failed, and the second attempt had a fresh one");
});

test("dispose() ends every worker and rejects running, queued and later decodes", async () => {
  const terminated = [];
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  await pool.decode(bytes(1));  // one worker started and idle
  const pending = [2, 3, 4].map((v) => pool.decode(bytes(v)));
  assert.equal(pool.workers, 2);
  const original = ScriptedWorker.prototype.terminate;
  ScriptedWorker.prototype.terminate = function () {
    terminated.push(this.name);
    original.call(this);
  };
  try {
    pool.dispose();
  } finally {
    ScriptedWorker.prototype.terminate = original;
  }
  for (const decode of pending) await assert.rejects(decode, { name: "AbortError", message: /disposed/ });
  assert.deepEqual(terminated.sort(), ["worker 1", "worker 2"]);
  assert.equal(pool.workers, 0);
  await assert.rejects(pool.decode(bytes(5)), { name: "AbortError" });
  assert.equal(started, 2, "no worker starts after dispose");
});
