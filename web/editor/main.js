// The editor's entry module: the one place with side effects, starting the editor in this document
// and registering the service worker that lets it work offline once loaded.
import { startEditor } from "./editor.js";

startEditor(document);
navigator.serviceWorker?.register(new URL("../editor-sw.js", import.meta.url)).catch((error) =>
  console.warn(`the editor will not work offline: ${error.message}`));
