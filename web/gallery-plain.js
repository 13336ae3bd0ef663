// A gallery as a plain list of images, in frontmatter order. (The layout engine replaces this.)

export function renderGallery(gallery) {
  const section = document.createElement("section");
  section.className = "gallery";
  section.id = gallery.id;
  if (gallery.title) section.setAttribute("aria-label", gallery.title);
  for (const image of gallery.images) {
    const figure = document.createElement("figure");
    const img = document.createElement("img");
    img.src = image.img;
    img.alt = image.alt ?? "";
    img.loading = "lazy";
    img.decoding = "async";
    if (image.width && image.height) {
      img.width = image.width;
      img.height = image.height;
    }
    figure.append(img);
    if (image.caption) {
      const caption = document.createElement("figcaption");
      caption.textContent = image.caption;
      figure.append(caption);
    }
    section.append(figure);
  }
  return section;
}
