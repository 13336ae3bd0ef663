import { startBrowser } from "./browser.js";
const browser = await startBrowser({ folders: ["build/bench/widget"] });
for (const run of [0, 1, 2]) {
  const tab = await browser.context.newPage();
  await tab.addInitScript(() => { window.__r = []; document.addEventListener("stills-rendered", () => window.__r.push(performance.now())); });
  await tab.goto(`${browser.origin}/case-0.html`);
  await tab.waitForFunction(() => window.__r.length >= 1);
  const out = await tab.evaluate(() => ({ done: window.__r[0], res: performance.getEntriesByType("resource").map((r) => `${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)} ${r.transferSize} ${r.name.replace(location.origin, "")}`) }));
  if (run === 2) console.log(out.done, "\n" + out.res.join("\n")); else console.log(out.done);
  await tab.close();
}
await browser.close();
