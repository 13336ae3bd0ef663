// The editor: the source on one side, the post as readers will see it on the other, patched on every
// input with no debounce. Problems are marked where they are; scrolling or moving the cursor in one
// pane brings the same place into view in the other; every change is kept as a draft.
import { element } from "../dom/element.js";
import { fetchText } from "../runtime/fetch-text.js";
import { createServices } from "../runtime/services.js";
import { listedPosts } from "../runtime/site-index.js";
import { deleteDraft, draftPhotos, listDrafts, loadDraft, saveDraft } from "./drafts.js";
import { exportZip } from "./export.js";
import { canOpenFolders, chooseContentFolder, readBytes, readText, writeFiles } from "./folder.js";
import { keyReplacement } from "./frontmatter-edit.js";
import { MetaForm } from "./meta-form.js";
import { createPhotoImport } from "./photo-import.js";
import { PhotoJobs } from "./photo-jobs.js";
import { PhotoOptions } from "./photo-options.js";
import { Preview } from "./preview.js";
import { renderProblems } from "./problems.js";
import { createSourcePane } from "./source-pane.js";
import { newPostText } from "./template.js";

const DRAFT_DELAY_MS = 250;  // changes are saved at most this long after the last one (well within a second)
const MESSAGE_MS = 4000;     // a message stays this long before routine news ("Draft saved.") replaces it
const SYNC_QUIET_MS = 150;   // after one pane scrolls the other, its own scroll events are not echoed back

/** The post the address names: ?post=posts/x.md (a post of the site), ?draft=ID, or a new one. */
async function openDocument(params, base) {
  const path = params.get("post");
  if (path) {
    const url = new URL(path, base);
    return { id: `post:${path}`, name: path.replace(/^.*\//, ""), url: url.href, text: await fetchText(url) };
  }
  const id = params.get("draft") ?? `new:${Date.now()}`;
  const name = id.startsWith("file:") ? id.slice("file:".length) : "new-post.md";  // a file opened from disk keeps its name
  return { id, name, url: new URL(`posts/${name}`, base).href, text: newPostText(new Date()) };
}

const slugFromTitle = (title) => (title ?? "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
  .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "post";

/** @param {Document} document */
export async function startEditor(document) {
  const params = new URLSearchParams(location.search);
  const base = new URL("./", document.baseURI);
  const status = /** @type {HTMLElement} */ (document.getElementById("status"));
  let spokeAt = -Infinity;
  /** @type {(text: string, options?: { routine?: boolean }) => void} */
  const say = (text, { routine = false } = {}) => {
    if (routine && performance.now() - spokeAt < MESSAGE_MS) return;
    if (!routine) spokeAt = performance.now();
    status.textContent = text;
  };
  try {
    const [services, opened] = await Promise.all([createServices({ decoder: params.get("decoder") }), openDocument(params, base)]);
    const [draft, kept] = await Promise.all([loadDraft(opened.id).catch(() => undefined), draftPhotos(opened.id).catch(() => [])]);
    const doc = { ...opened, text: draft?.text ?? opened.text };
    run(document, { services, doc, kept, base, say });
    if (draft && draft.text !== opened.text) say(`Your draft from ${new Date(draft.saved).toLocaleString()} is back.`);
    else say("Ready.", { routine: true });
  } catch (error) {
    say(`The editor could not start: ${error.message}`);
  }
}

function run(document, { services, doc, kept, base, say }) {
  const previewPane = /** @type {HTMLElement} */ (document.getElementById("preview-pane"));
  const problemsList = /** @type {HTMLElement} */ (document.getElementById("problems"));
  let syncing = { from: "", until: 0 };
  const quiet = (pane) => syncing.from !== pane && performance.now() < syncing.until;
  const syncFrom = (pane) => (syncing = { from: pane, until: performance.now() + SYNC_QUIET_MS });

  const preview = new Preview(/** @type {HTMLElement} */ (document.getElementById("preview")), {
    services, url: doc.url, base: base.href,
    onProblems: (problems) => queueMicrotask(() => {  // not inside CodeMirror's own update
      source.setProblems(problems);
      renderProblems(problemsList, problems, (line, column) => source.moveTo(line, column));
    }),
  });

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let saveTimer;
  const form = new MetaForm(/** @type {HTMLElement} */ (document.getElementById("meta-form")), {
    onEdit: (key, value) => source.replace(keyReplacement(doc.text, services.stills.parseFrontmatter(doc.text), key, value)),
  });
  // The form shows values as written: the cover before its URL is resolved.
  const UNREADABLE = /^(frontmatter is not valid YAML|frontmatter must be a mapping|frontmatter could not be read|the frontmatter opened on line 1 is never closed)/;
  const showInForm = (text) => {
    const { meta, diagnostics } = services.stills.parseFrontmatter(text);
    form.show(meta, { readable: !diagnostics.some((d) => UNREADABLE.test(d.message)) });
  };
  const keepDraft = (text) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveDraft({ id: doc.id, text, title: preview.post?.meta.title ?? doc.name, saved: Date.now() })
      .then(() => say("Draft saved.", { routine: true }), (error) => say(`The draft could not be saved (${error.message}); keep this tab open and download the post.`)),
    DRAFT_DELAY_MS);
  };

  const source = createSourcePane(/** @type {HTMLElement} */ (document.getElementById("source")), {
    text: doc.text,
    stylesheet: new URL("editor/source.css", base).href,
    onChange(text) {
      performance.mark("stills:input");
      preview.render(text);
      performance.measure("stills:preview", "stills:input");
      doc.text = text;
      showInForm(text);
      keepDraft(text);
    },
    onCursor(line) {
      if (quiet("source")) return;
      syncFrom("source");
      preview.blockAt(line)?.scrollIntoView({ block: "nearest" });
    },
    onFiles: (files, offset) => addPhotos(files, offset),
    onScroll(line) {
      if (quiet("source")) return;
      const block = preview.blockAt(line);
      if (!block) return;
      syncFrom("source");
      previewPane.scrollTop += block.getBoundingClientRect().top - previewPane.getBoundingClientRect().top;
    },
  });
  previewPane.addEventListener("scroll", () => {
    if (quiet("preview")) return;
    const line = preview.lineAtTop(previewPane);
    if (line === null) return;
    syncFrom("preview");
    source.scrollToLine(line);
  }, { passive: true });

  // Photos dropped, pasted or chosen (the source pane calls this only once the page is running).
  const addPhotos = createPhotoImport({
    services, source, preview, doc, say,
    folder: () => `/assets/photos/${postSlug(doc, preview.post?.meta.title)}/`,
    options: new PhotoOptions(/** @type {HTMLElement} */ (document.getElementById("photo-options"))),
    jobs: new PhotoJobs(/** @type {HTMLElement} */ (document.getElementById("photo-jobs"))),
  });
  const chooser = /** @type {HTMLInputElement | null} */ (document.getElementById("add-photos"));
  chooser?.addEventListener("change", () => {
    addPhotos([...(chooser.files ?? [])], source.cursor());
    chooser.value = "";
  });

  // A content folder opened in place: its post replaces the one shown; its photos come from the folder.
  let folder = null;
  async function openFromFolder(chosen, path) {
    const text = await readText(chosen, path);
    folder = chosen;
    Object.assign(doc, { id: `folder:${chosen.name}/${path}`, name: path.replace(/^.*\//, ""), url: new URL(path, base).href });
    preview.moveTo(doc.url);
    const post = services.stills.parsePost(text, { url: doc.url, base: base.href });
    for (const image of post.galleries.flatMap((gallery) => gallery.images)) {
      const inFolder = image.img.startsWith(base.href) ? image.img.slice(base.href.length) : null;
      const bytes = inFolder && (await readBytes(chosen, inFolder));
      if (bytes) preview.keepPhoto(inFolder, bytes);
    }
    source.setText(text);
    document.getElementById("save")?.removeAttribute("hidden");
    say(`Editing ${path} in the folder “${chosen.name}”. Save writes it there.`);
  }
  async function saveToFolder() {
    if (!folder) return;
    const photos = (await draftPhotos(doc.id).catch(() => [])).filter(({ path }) => doc.text.includes(path));
    try {
      await writeFiles(folder, [{ path: doc.id.slice(`folder:${folder.name}/`.length), data: doc.text },
        ...photos.map(({ path, bytes }) => ({ path, data: bytes }))]);
      say(`Saved to the folder “${folder.name}”${photos.length ? ` with ${photos.length} photo${photos.length === 1 ? "" : "s"}` : ""}.`);
    } catch (error) {
      say(`Not saved: ${error.message}. Nothing is lost: the draft is kept in this browser.`);
    }
  }
  const openFolder = document.getElementById("open-folder");
  if (canOpenFolders()) openFolder?.removeAttribute("hidden");
  openFolder?.addEventListener("click", async () => {
    try {
      const chosen = await chooseContentFolder();
      if (!chosen) return;
      const { value } = services.stills.parseYaml(await readText(chosen, "index.yaml"));
      choosePost(document, listedPosts(value), (path) => openFromFolder(chosen, path).catch((error) => say(`${path} could not be opened: ${error.message}`)));
    } catch (error) {
      say(`${error.message}.`);
    }
  });
  document.getElementById("save")?.addEventListener("click", saveToFolder);
  document.addEventListener("keydown", (event) => {
    if (folder && (event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      saveToFolder();
    }
  });

  for (const { path, bytes } of kept) preview.keepPhoto(path, bytes);  // the draft's photos, before its first render
  preview.render(doc.text);
  showInForm(doc.text);
  wireToolbar(document, { doc, base, say, slug: () => postSlug(doc, preview.post?.meta.title) });
}

// The post's file name without .md: its own (on the site, in a folder, from disk), else made from its title.
const postSlug = (doc, title) => (/^(post|folder|file):/.test(doc.id) ? doc.name.replace(/\.(md|markdown)$/, "") : slugFromTitle(title));

// The posts of a content folder, to choose one from.
function choosePost(document, posts, open) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("folder-posts"));
  const list = /** @type {HTMLElement} */ (dialog.querySelector("ul"));
  list.replaceChildren(...posts.map((path) => {
    const item = element("li");
    const button = element("button", "open-post", path);
    button.setAttribute("type", "button");
    button.addEventListener("click", () => {
      dialog.close();
      open(path);
    });
    item.append(button);
    return item;
  }));
  if (!posts.length) list.replaceChildren(element("li", null, "index.yaml lists no posts."));
  dialog.showModal();
}

// Offers `bytes` as a download called `name`.
function download(name, bytes, type) {
  const link = element("a");
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  link.setAttribute("href", url);
  link.setAttribute("download", name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wireToolbar(document, { doc, base, say, slug }) {
  const button = (id, action) => document.getElementById(id)?.addEventListener("click", action);
  const go = (query) => (location.href = `${new URL("editor.html", base).pathname}?${query}`);
  button("new-post", () => go(`draft=${encodeURIComponent(`new:${Date.now()}`)}`));
  button("download", () => download(`${slug()}.md`, doc.text, "text/markdown"));
  button("export", async () => {
    const { zip, indexLine } = exportZip(slug(), doc.text, await draftPhotos(doc.id).catch(() => []));
    download(`${slug()}.zip`, /** @type {Uint8Array<ArrayBuffer>} */ (zip), "application/zip");
    say(`Exported ${slug()}.zip: unpack it into content/ and add “${indexLine.trim()}” under posts: in index.yaml.`);
  });
  const file = /** @type {HTMLInputElement | null} */ (document.getElementById("open-file"));
  file?.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    await saveDraft({ id: `file:${chosen.name}`, text: await chosen.text(), title: chosen.name, saved: Date.now() });
    go(`draft=${encodeURIComponent(`file:${chosen.name}`)}`);
  });
  const dialog = /** @type {HTMLDialogElement | null} */ (document.getElementById("drafts"));
  button("show-drafts", async () => {
    if (!dialog) return;
    const list = /** @type {HTMLElement} */ (dialog.querySelector("ul"));
    const drafts = (await listDrafts()).sort((a, b) => b.saved - a.saved);
    list.replaceChildren(...drafts.map((draft) => {
      const item = element("li");
      const open = element("a", null, draft.title || draft.id);
      open.setAttribute("href", `?${draft.id.startsWith("post:") ? `post=${encodeURIComponent(draft.id.slice(5))}` : `draft=${encodeURIComponent(draft.id)}`}`);
      const remove = element("button", "delete-draft", "Delete");
      remove.setAttribute("type", "button");
      remove.addEventListener("click", async () => {
        await deleteDraft(draft.id);
        item.remove();
      });
      item.append(open, element("span", "saved", new Date(draft.saved).toLocaleString()), remove);
      return item;
    }));
    if (!drafts.length) list.replaceChildren(element("li", null, "No drafts yet."));
    dialog.showModal();
  });
  dialog?.querySelector(".close")?.addEventListener("click", () => dialog.close());
  for (const tab of document.querySelectorAll("[data-show]")) {
    tab.addEventListener("click", () => {
      document.body.dataset.view = /** @type {HTMLElement} */ (tab).dataset.show;
      for (const other of document.querySelectorAll("[data-show]")) other.setAttribute("aria-selected", String(other === tab));
    });
  }
}
