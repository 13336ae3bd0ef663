// The site's entry module: the one place with a side effect, starting the site in this document.
import { startSite } from "./site.js";

startSite(document);
