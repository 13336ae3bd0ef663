// The demo site: content/index.yaml lists the posts; #/SLUG shows one (the first when none is named).
import { createStills } from "./stills.js";
import { renderPost } from "./render-post.js";
import { renderDiagnostics } from "./diagnostics-box.js";
import { CodecPool } from "./codec-pool.js";
import { chooseDecoder } from "./decoder-choice.js";
import { GalleryView } from "./gallery.js";

const siteBase = new URL("./", document.baseURI);
const main = document.getElementById("main");
let shownGalleries = [];

function slugOf(path) {
  return path.replace(/^.*\//, "").replace(/\.md$/, "");
}

async function fetchText(path) {
  const url = new URL(path, siteBase);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  return { url, text: await response.text() };
}

async function listedPosts(stills) {
  const { text } = await fetchText("index.yaml");
  const index = stills.parseYaml(text);
  const posts = Array.isArray(index.value?.posts) ? index.value.posts.filter((p) => typeof p === "string") : [];
  return { posts, diagnostics: index.diagnostics };
}

function showMessage(title, detail) {
  const section = document.createElement("section");
  section.className = "message";
  const heading = document.createElement("h1");
  heading.textContent = title;
  const text = document.createElement("p");
  text.textContent = detail;
  section.append(heading, text);
  main.replaceChildren(section);
}

async function show(stills) {
  const { posts, diagnostics } = await listedPosts(stills);
  const wanted = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const path = wanted ? posts.find((p) => slugOf(p) === wanted) : posts[0];
  if (!path) {
    document.title = "Not found · stills";
    showMessage("Not found", wanted ? `There is no post “${wanted}”.` : "index.yaml lists no posts.");
    if (diagnostics.length) main.prepend(renderDiagnostics(diagnostics, "index.yaml"));
    return;
  }
  const { url, text } = await fetchText(path);
  const post = stills.parsePost(text, { url: url.href, base: siteBase.href });
  const galleries = [];
  const article = renderPost(post, {
    fileName: path,
    renderGallery: (gallery) => {
      const view = new GalleryView(gallery, photoContext);
      galleries.push(view);
      return view.element;
    },
  });
  // Every photo's size is known before the post goes on the page: nothing moves afterwards.
  await Promise.all(galleries.map((view) => view.prepare()));
  document.title = post.meta.title ? `${post.meta.title} · stills` : "stills";
  document.querySelector('meta[name="description"]').content = post.meta.excerpt ?? "";
  for (const view of shownGalleries) view.detach();
  main.replaceChildren(article);
  for (const view of galleries) view.attach();
  shownGalleries = galleries;
}

let photoContext;

async function start() {
  try {
    const stills = await createStills();
    const decoder = await chooseDecoder(new URLSearchParams(location.search).get("decoder"));
    document.documentElement.dataset.decoder = decoder;
    photoContext = { stills, decoder, pool: decoder === "wasm" ? new CodecPool() : null };
    await show(stills);
    addEventListener("hashchange", () => show(stills).catch(fail));
  } catch (error) {
    fail(error);
  }
}

function fail(error) {
  document.title = "Error · stills";
  showMessage("This page could not be shown", error.message);
}

start();
