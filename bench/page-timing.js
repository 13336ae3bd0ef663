// What the Chromium benchmarks share: a fresh tab (its cache emptied for a first visit), the bytes a
// page transferred until a moment, and the median of runs.

/**
 * @param {import("playwright-core").BrowserContext} context
 * @param {{ cold?: boolean, viewport: { width: number, height: number } }} options
 */
export async function openTab(context, { cold = false, viewport }) {
  const tab = await context.newPage();
  if (cold) await (await context.newCDPSession(tab)).send("Network.clearBrowserCache");
  await tab.setViewportSize(viewport);
  return tab;
}

/**
 * Bytes over the wire (headers and compressed bodies) of the page and of every resource that ended by
 * `until` (milliseconds since navigation).
 * @param {import("playwright-core").Page} tab
 * @param {number} until
 */
export function bytesUntil(tab, until) {
  return tab.evaluate((end) => {
    const navigation = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType("navigation")[0]);
    return /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType("resource"))
      .filter((r) => r.responseEnd <= end).reduce((sum, r) => sum + r.transferSize, navigation.transferSize);
  }, until);
}

/** @param {number[]} values */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
