// The site: content/index.yaml lists the posts; #/ shows the index, #/tag/NAME the index for a tag,
// #/SLUG a post. Everything is fetched and rendered here: there is no build step for content.
import { createStills } from "./stills.js";
import { renderPost } from "./render-post.js";
import { renderDiagnostics } from "./diagnostics-box.js";
import { CodecPool } from "./codec-pool.js";
import { chooseDecoder } from "./decoder-choice.js";
import { GalleryView } from "./gallery.js";
import { renderIndex } from "./index-page.js";
import { parseRoute, photoHref, postHref, slugOf } from "./routes.js";

const SITE_NAME = "stills";
const siteBase = new URL("./", document.baseURI);
const main = document.getElementById("main");
let shown = { detach() {} };  // what is on the page, to stop its work when it goes (and, for a post, its slug)

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

async function fetchPost(stills, path) {
  const { url, text } = await fetchText(path);
  return stills.parsePost(text, { url: url.href, base: siteBase.href });
}

// Title, description and Open Graph tags, from the post's frontmatter or the site's defaults.
function describePage({ title, description = "", image = null, type = "website" }) {
  document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  const tags = { description, "og:title": title ?? SITE_NAME, "og:description": description, "og:type": type,
    "og:image": image ? new URL(image, siteBase).href : null };
  for (const [name, content] of Object.entries(tags)) {
    const attribute = name.startsWith("og:") ? "property" : "name";
    let meta = document.head.querySelector(`meta[${attribute}="${name}"]`);
    if (!content) {
      meta?.remove();
      continue;
    }
    meta ??= document.head.appendChild(document.createElement("meta"));
    meta.setAttribute(attribute, name);
    meta.setAttribute("content", content);
  }
}

function show(page) {
  shown.detach();
  main.replaceChildren(page.element);
  page.attach();
  shown = page;
  scrollTo(0, 0);
}

function showMessage(title, detail, diagnostics = []) {
  const section = document.createElement("section");
  section.className = "message";
  const heading = document.createElement("h1");
  heading.textContent = title;
  const text = document.createElement("p");
  text.textContent = detail;
  section.append(heading, text);
  if (diagnostics.length) section.append(renderDiagnostics(diagnostics, "index.yaml"));
  describePage({ title });
  show({ element: section, attach() {}, detach() {} });
}

async function showIndex(context, tag) {
  const { posts, diagnostics } = await listedPosts(context.stills);
  const entries = await Promise.all(posts.map(async (path) => {
    try {
      return { slug: slugOf(path), meta: (await fetchPost(context.stills, path)).meta };
    } catch {
      return null;  // a listed post that cannot be fetched is left out of the index
    }
  }));
  const page = renderIndex(entries.filter(Boolean), { tag, ...context });
  if (diagnostics.length) page.element.prepend(renderDiagnostics(diagnostics, "index.yaml"));
  describePage({ title: tag ? `#${tag}` : null, description: "Photo stories, rendered in the browser." });
  show(page);
}

// Opens or closes the lightbox to match the route, and keeps the address on the photo shown.
function syncLightbox(open) {
  const { slug, galleries = [] } = shown;
  if (!open) return galleries.forEach((view) => view.closePhoto());
  const view = galleries.find((g) => g.id === open.gallery);
  view?.openPhoto(open.index, {
    onChange: (index) => history.replaceState(null, "", photoHref(slug, view.id, index)),
    onClose: () => location.hash !== postHref(slug) && history.replaceState(null, "", postHref(slug)),
  });
}

async function showPost(context, slug, open) {
  if (shown.slug === slug) return syncLightbox(open);  // the same post: only the lightbox changes
  const { posts, diagnostics } = await listedPosts(context.stills);
  const path = posts.find((p) => slugOf(p) === slug);
  if (!path) return showMessage("Not found", `There is no post “${slug}”.`, diagnostics);
  const post = await fetchPost(context.stills, path);
  const galleries = [];
  const sized = [];  // each gallery starts reading its photos' sizes as soon as it exists
  const article = renderPost(post, {
    fileName: path,
    renderGallery: (gallery) => {
      const view = new GalleryView(gallery, {
        ...context,
        onActivate: (id, index) => (location.hash = photoHref(slug, id, index)),
      });
      galleries.push(view);
      sized.push(view.prepare());
      return view.element;
    },
  });
  // Every photo's size is known before the post goes on the page: nothing moves afterwards.
  await Promise.all(sized);
  describePage({ title: post.meta.title, description: post.meta.excerpt ?? "", image: post.meta.cardCover, type: "article" });
  show({
    slug,
    galleries,
    element: article,
    attach: () => galleries.forEach((view) => view.attach()),
    detach: () => galleries.forEach((view) => view.detach()),
  });
  syncLightbox(open);
}

function fail(error) {
  showMessage("This page could not be shown", error.message);
}

async function route(context) {
  const target = parseRoute(location.hash);
  try {
    if (target.page === "index") await showIndex(context, target.tag);
    else await showPost(context, target.slug, target.open);
  } catch (error) {
    fail(error);
  }
}

async function start() {
  try {
    const [stills, decoder] = await Promise.all([
      createStills(),
      chooseDecoder(new URLSearchParams(location.search).get("decoder")),
    ]);
    document.documentElement.dataset.decoder = decoder;
    const context = { stills, decoder, pool: decoder === "wasm" ? new CodecPool() : null };
    addEventListener("hashchange", () => route(context));
    await route(context);
  } catch (error) {
    fail(error);
  }
}

start();
