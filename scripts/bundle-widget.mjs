// Bundles the widget's two published modules, dist/stills-widget.js and dist/stills-elements.js, each
// into one file with esbuild: an embedding page loads the widget with one request instead of an import
// chain seven modules deep. What loads later stays apart and is fetched by URL from dist/ (the wasm,
// the codec worker, PhotoSwipe, the stylesheets): runtime/dist-root.js names dist/ as the folder above
// it, which the bundle's copy, at dist/'s top, says as "./".
// Usage: node scripts/bundle-widget.mjs   (after dist/ is written: it bundles dist/'s own modules in place)
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

await build({
  entryPoints: ["dist/stills-widget.js", "dist/stills-elements.js"],
  outdir: "dist",
  allowOverwrite: true,
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  external: ["node:*"],  // what the runtime loads in node only, behind a check
  plugins: [distRootAtTop],
  logLevel: "warning",
});
