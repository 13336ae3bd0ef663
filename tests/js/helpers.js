import { readFile } from "node:fs/promises";

export const root = new URL("../../", import.meta.url);
export const samplePostPath = new URL("content/posts/kalatozov-stills.md", root);

export async function loadStills() {
  const { createStills } = await import(new URL("dist/stills.js", root));
  return createStills();
}

export function readSamplePost() {
  return readFile(samplePostPath, "utf8");
}
