// The editor's entry module: the one place with side effects, starting the editor in this document
// and registering the service worker that lets it work offline once loaded.
import { registerServiceWorker } from "../runtime/service-worker-registration.js";
import { startEditor } from "./editor.js";

startEditor(document);
registerServiceWorker().catch((error) => console.warn(`the editor will not work offline: ${error.message}`));
