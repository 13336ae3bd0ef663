// The editor's entry module: the one place with a side effect, starting the editor in this document.
import { startEditor } from "./editor.js";

startEditor(document);
