// Fetches a text file (a post, index.yaml), failing with an error that names the URL and a reason a
// reader can act on: the browser says only "Failed to fetch" when it blocks a request.

/**
 * @param {string | URL} url
 * @param {{ signal?: AbortSignal }} [options]
 * @returns {Promise<string>}
 */
export async function fetchText(url, { signal } = {}) {
  const href = String(url);
  let response;
  try {
    response = await fetch(href, { signal });
  } catch (error) {
    if (/** @type {any} */ (error)?.name === "AbortError") throw error;
    throw new Error(`${href} could not be fetched: the network failed, or the browser blocked the request ` +
      "(a file on another origin needs CORS headers, and the page's Content-Security-Policy must allow it)");
  }
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}
