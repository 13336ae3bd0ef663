// "Open folder": where the browser has the File System Access API, the editor works on a site's
// content/ folder in place: its posts are listed from index.yaml, a post's photos are read from the
// folder, and "Save" writes the post and the photos added to it back there.

/** @typedef {any} DirectoryHandle  FileSystemDirectoryHandle (not in tsc's DOM types for JS) */

export const canOpenFolders = () => typeof (/** @type {any} */ (globalThis).showDirectoryPicker) === "function";

/** Asks for a folder; null when the author cancels. Throws, saying why, when it cannot be used. */
export async function chooseContentFolder() {
  let folder;
  try {
    folder = await /** @type {any} */ (globalThis).showDirectoryPicker({ id: "stills-content", mode: "readwrite" });
  } catch (error) {
    if (error?.name === "AbortError") return null;
    throw new Error(`the folder could not be opened (${error.message})`);
  }
  try {
    await folder.getFileHandle("index.yaml");
  } catch {
    throw new Error(`“${folder.name}” has no index.yaml: choose the site's content folder`);
  }
  return folder;
}

/** The handle of the file at `path` (slash-separated) in `folder`, creating folders when `create`. */
async function fileAt(folder, path, { create = false } = {}) {
  const parts = path.replace(/^\/+/, "").split("/");
  let dir = folder;
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create });
  return dir.getFileHandle(parts.at(-1), { create });
}

/** The text of the file at `path` in `folder`. */
export async function readText(folder, path) {
  return (await (await fileAt(folder, path)).getFile()).text();
}

/** The bytes of the file at `path`, or null when the folder has no such file. */
export async function readBytes(folder, path) {
  try {
    return new Uint8Array(await (await (await fileAt(folder, path)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Writes files into the folder: the write asks for permission once if the browser needs to, and a
 * refusal or a full disk rejects with the reason.
 * @param {DirectoryHandle} folder
 * @param {Array<{ path: string, data: string | Uint8Array }>} files
 */
export async function writeFiles(folder, files) {
  if ((await folder.queryPermission?.({ mode: "readwrite" })) === "prompt" &&
      (await folder.requestPermission({ mode: "readwrite" })) !== "granted") {
    throw new Error("permission to write to the folder was refused");
  }
  for (const { path, data } of files) {
    const writable = await (await fileAt(folder, path, { create: true })).createWritable();
    await writable.write(data);
    await writable.close();
  }
}
