// Fetches a text file (a post, index.yaml), failing with an error that names the URL and a reason a
// reader can act on: the browser says only "Failed to fetch" when it blocks a request.

/**
 * @param {string | URL} url
 * @param {{ signal?: AbortSignal, until?: (start: string) => boolean }} [options] until: whether the
 *   text so far is all the caller needs; once it is, the rest of the response is not read
 * @returns {Promise<string>}
 */
export async function fetchText(url, { signal, until } = {}) {
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
  return until && response.body ? readUntil(response.body, until) : response.text();
}

async function readUntil(body, until) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (until(text)) {
      reader.cancel().catch(() => {});  // the connection may close early; nothing waits on it
      return text;
    }
  }
}
