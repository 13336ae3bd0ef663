// Chromium (Debian's, driven by playwright-core) against the demo server on a free port.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

// Without the background-networking flags Chromium keeps dialling out on a closed network.
const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// `timezoneId`: the reader's time zone (Chromium's own by default); `args`: more Chromium flags;
// `serviceWorkers`: "block" (the default) keeps pages from registering the site's service worker, so that
// page.route sees every request; the tests of the worker itself "allow" it;
// `content`, `folders`: the content folder and more folders served (see scripts/serve.mjs).
export async function startBrowser({ prefix = "/", timezoneId, args = [], serviceWorkers = "block", content, folders = [] } = {}) {
  const server = await startServer({ port: 0, prefix, content, folders });
  const profile = await mkdtemp(join(tmpdir(), "stills-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [...chromiumArgs, ...args],
    headless: true,
    timezoneId,
    serviceWorkers,
  });
  const origin = `http://127.0.0.1:${server.address().port}${prefix.replace(/\/$/, "")}`;
  return {
    origin,
    context,
    async close() {
      await context.close();
      server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// A page that records every console error, page error, failed request and HTTP error.
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A request the page itself cancels (a photo scrolled away before it arrived) is no failure.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()}`);
  });
  page.on("response", (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.goto(url);
  return { page, problems };
}
