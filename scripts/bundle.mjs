// Bundles, with esbuild, the modules a page or an embedding page loads first into one file each, so
// that they arrive with one request instead of an import chain many modules deep (over a network of
// round trips, the chain was most of the time to a first layout):
// - the widget's two published modules, dist/stills-widget.js and dist/stills-elements.js, in place.
//   What loads later stays apart and is fetched by URL from dist/ (the wasm, the codec worker,
//   PhotoSwipe, the stylesheets): runtime/dist-root.js names dist/ as the folder above it, which the
//   bundle's copy, at dist/'s top, says as "./";
// - the site's entry, dist/site/main.js, in place (one folder down, as runtime/ is: dist-root.js is
//   right as it is). The lightbox module stays apart, loaded when a photo is first opened.
// Usage: node scripts/bundle.mjs   (after dist/ is written: it bundles dist/'s own modules in place)
import { readFile } from "node:fs/promises";
import { build } from "esbuild";

const distRootAtTop = {
  name: "dist-root-at-top",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]runtime[\\/]dist-root\.js$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      const atTop = source.replace('new URL("../", import.meta.url)', 'new URL("./", import.meta.url)');
      if (atTop === source) throw new Error(`${path}: DIST_ROOT is no longer written as expected`);
      return { contents: atTop, loader: "js" };
    });
  },
};

// The lightbox, imported dynamically by the gallery view, stays a module of its own in dist/dom/.
const lightboxApart = {
  name: "lightbox-apart",
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\/lightbox\.js$/ }, () => ({ path: "../dom/lightbox.js", external: true }));
  },
};

const shared = {
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  external: ["node:*"],  // what the runtime loads in node only, behind a check
  logLevel: "warning",
};
await build({ ...shared, entryPoints: ["dist/stills-widget.js", "dist/stills-elements.js"], outdir: "dist", plugins: [distRootAtTop] });
await build({ ...shared, entryPoints: ["dist/site/main.js"], outfile: "dist/site/main.js", plugins: [lightboxApart] });
