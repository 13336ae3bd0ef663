// zero-md 3 as its users load it, but from this machine: its loaders point at the same packages (from
// npm, pinned) that its presets fetch from jsDelivr at run time, each loaded only when zero-md asks for
// it, as from the CDN. esbuild bundles this (with code splitting) for bench/widget-chromium.js.
// Mermaid and KaTeX, loaded only for ```mermaid and math, are not served: the post has neither.
import ZeroMd from "zero-md/src/zero-md.js";

const absent = (name) => () => Promise.reject(new Error(`${name} is not served in this benchmark`));

class LocalZeroMd extends ZeroMd {
  async load() {
    await super.load({
      marked: async () => new (await import("marked")).Marked({ async: true }),
      markedBaseUrl: async () => (await import("marked-base-url")).baseUrl,
      markedHighlight: async () => (await import("marked-highlight")).markedHighlight,
      markedGfmHeadingId: async () => (await import("marked-gfm-heading-id")).gfmHeadingId,
      markedAlert: async () => (await import("marked-alert")).default,
      hljs: async () => (await import("@highlightjs/cdn-assets/es/highlight.min.js")).default,
      mermaid: absent("mermaid"),
      katex: absent("katex"),
    });
  }
}

customElements.define("zero-md", LocalZeroMd);
