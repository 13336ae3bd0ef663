// The site's entry module: the one place with side effects, starting the site in this document and,
// once its first page is shown, registering the service worker that keeps the code for the next visit.
import { registerServiceWorker } from "../runtime/service-worker-registration.js";
import { startSite } from "./site.js";

startSite(document)
  .then(registerServiceWorker)
  .catch((error) => console.warn(`the next visit will load the code again: ${error.message}`));
