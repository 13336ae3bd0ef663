// In Chromium: time from navigation until every sample photo is painted, with the browser's own AVIF
// decoder and with the wasm codec workers, in the same run. Prints, never asserts.
//   node bench/codec-chromium.js   (after scripts/build.sh)
import { startBrowser } from "../tests/e2e/browser.js";
import { median } from "./page-timing.js";

const RUNS = 5;
const browser = await startBrowser();

async function timeToAllPainted(decoder) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 6000 });  // every gallery in view: nothing waits for a scroll
  await page.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "cache-control": "no-cache" } }));
  await page.goto(`${browser.origin}/?decoder=${decoder}#/kalatozov-stills`);
  const ms = await page.waitForFunction(() => {
    const photos = [...document.querySelectorAll(".photo")];
    const painted = photos.filter((f) => f.querySelector("canvas") || (f.querySelector("img")?.complete && f.querySelector("img").naturalWidth));
    return photos.length === 17 && painted.length === 17 && performance.now();
  }, null, { timeout: 60_000, polling: 10 }).then((handle) => handle.jsonValue());
  await page.close();
  return ms;
}

const results = {};
for (const decoder of ["native", "wasm"]) {
  await timeToAllPainted(decoder);  // warm the server and the HTTP cache of the modules
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeToAllPainted(decoder));
  results[decoder] = median(times);
}
console.log(`Chromium, the sample post, navigation to all 17 photos painted (median of ${RUNS}):`);
console.log(`  native <img>: ${results.native.toFixed(0)} ms`);
console.log(`  wasm workers: ${results.wasm.toFixed(0)} ms   (${(results.wasm / results.native).toFixed(2)}x native)`);
await browser.close();
