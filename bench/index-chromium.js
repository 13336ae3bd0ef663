// The index page in Chromium for a site of 10 posts (the anchor) and of 1,000: time from navigation until
// its first screen of cards is shown, and until the covers on that screen are painted, on loopback and
// over an emulated network (50 ms round trips, 10 Mbit/s), warm (code cached) and cold (a first visit);
// also the post files fetched. The sites are made here from the sample posts, each with its own title.
// Prints, never asserts.
//   node bench/index-chromium.js   (after scripts/build.sh)
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { startBrowser } from "../tests/e2e/browser.js";
import { median, openTab } from "./page-timing.js";

const RUNS = 5;  // per case (cold: 3)
const SIZES = [10, 1000];
const NETWORKS = {
  loopback: null,
  "50 ms, 10 Mbit/s": { offline: false, latency: 50, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 },
};
const VIEWPORT = { width: 1280, height: 800 };
const root = new URL("../", import.meta.url);
const SAMPLES = ["kalatozov-stills", "contact-sheet", "water-and-wood", "notes-on-black-and-white"];

// build/bench/index-N/: index.yaml and N posts (the sample posts in turn, retitled); photos from content/.
async function makeSite(count) {
  const folder = `build/bench/index-${count}`;
  const at = (path) => fileURLToPath(new URL(`${folder}/${path}`, root));
  await rm(at(""), { recursive: true, force: true });
  await mkdir(at("posts"), { recursive: true });
  const samples = await Promise.all(SAMPLES.map((slug) => readFile(new URL(`content/posts/${slug}.md`, root), "utf8")));
  const paths = [];
  for (let i = 0; i < count; i++) {
    const path = `posts/post-${i}.md`;
    await writeFile(at(path), samples[i % samples.length].replace(/^title: .*$/m, `title: "Post ${i}"`));
    paths.push(path);
  }
  await writeFile(at("index.yaml"), `title: A site of ${count}\nposts:\n${paths.map((p) => `  - ${p}\n`).join("")}`);
  return folder;
}

const firstScreen = {
  shown: () => document.querySelector(".cards") && performance.now(),
  painted: () => {
    const covers = [...document.querySelectorAll(".card-cover")].filter((c) => c.getBoundingClientRect().top < innerHeight);
    return covers.length > 0 && covers.every((c) => !c.classList.contains("loading")) && performance.now();
  },
};

async function measure(origin, context, { cold, network }) {
  const page = await openTab(context, { cold, viewport: VIEWPORT });
  if (network) await (await context.newCDPSession(page)).send("Network.emulateNetworkConditions", network);
  let posts = 0;
  page.on("request", (request) => /\/posts\/.*\.md$/.test(request.url()) && posts++);
  await page.goto(`${origin}/#/`, { waitUntil: "commit" });
  const shown = await (await page.waitForFunction(firstScreen.shown, null, { polling: "raf", timeout: 120_000 })).jsonValue();
  const painted = await (await page.waitForFunction(firstScreen.painted, null, { polling: "raf", timeout: 120_000 })).jsonValue();
  await page.close();
  return { shown, painted, posts };
}

// One browser per site, the runs of the two taking turns: neither gains from running second.
const sites = [];
for (const count of SIZES) sites.push({ count, browser: await startBrowser({ content: await makeSite(count), folders: ["content"] }) });
const results = [];
for (const [networkName, network] of Object.entries(NETWORKS)) {
  const runs = sites.map(() => ({ warm: [], cold: [] }));
  const turn = async (kind, options) => {
    for (const [i, { browser }] of sites.entries()) runs[i][kind].push(await measure(browser.origin, browser.context, options));
  };
  await turn("warm", { cold: false, network });  // warm the servers and the caches
  for (const run of runs) run.warm.length = 0;
  for (let i = 0; i < RUNS; i++) await turn("warm", { cold: false, network });
  for (let i = 0; i < 3; i++) await turn("cold", { cold: true, network });
  const of = (list, key) => median(list.map((run) => run[key]));
  for (const [i, { count }] of sites.entries()) {
    const { warm, cold } = runs[i];
    results.push({ count, networkName, warmShown: of(warm, "shown"), warmPainted: of(warm, "painted"),
      coldShown: of(cold, "shown"), coldPainted: of(cold, "painted"), posts: of(warm, "posts") });
  }
}
for (const { browser } of sites) await browser.close();

console.log(`Chromium, the index's first screen at ${VIEWPORT.width} x ${VIEWPORT.height} (medians: ${RUNS} warm runs, 3 cold):`);
for (const networkName of Object.keys(NETWORKS)) {
  console.log(`  ${networkName}:`);
  const rows = results.filter((r) => r.networkName === networkName);
  for (const r of rows) {
    console.log(`    ${`${r.count} posts${r.count === SIZES[0] ? " (anchor)" : ""}`.padEnd(18)} cards shown: warm ${r.warmShown.toFixed(0).padStart(5)} ms,` +
      ` cold ${r.coldShown.toFixed(0).padStart(5)} ms; covers painted: warm ${r.warmPainted.toFixed(0).padStart(5)} ms,` +
      ` cold ${r.coldPainted.toFixed(0).padStart(5)} ms; post files fetched by then: ${r.posts}`);
  }
  const [anchor, big] = rows;
  console.log(`    1,000 / 10: shown warm ${(big.warmShown / anchor.warmShown).toFixed(2)}x, cold ${(big.coldShown / anchor.coldShown).toFixed(2)}x;` +
    ` painted warm ${(big.warmPainted / anchor.warmPainted).toFixed(2)}x, cold ${(big.coldPainted / anchor.coldPainted).toFixed(2)}x (goal 1.25x)`);
}
