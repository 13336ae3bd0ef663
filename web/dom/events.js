// The events stills' views dispatch, in one place. Each is a CustomEvent that bubbles and crosses
// shadow roots (composed), so a host page can listen on the document or on the element it embeds.
//
//   stills:post-rendered      on the post's <article>, once its galleries are laid out
//                             detail: { post }            (what parsePost returned)
//   stills:gallery-laid-out   on the gallery's <section>, each time its layout changes
//                             detail: { gallery, width, height }   (gallery: its id)
//   stills:photo-painted      on the photo's <figure>     detail: { gallery, index, src, decoder }
//   stills:photo-failed       on the photo's <figure>     detail: { gallery, index, src, error }
//   stills:lightbox-opened    on the gallery's <section>  detail: { gallery, index }
//   stills:lightbox-closed    on the gallery's <section>  detail: { gallery }

export const EVENTS = Object.freeze({
  postRendered: "stills:post-rendered",
  galleryLaidOut: "stills:gallery-laid-out",
  photoPainted: "stills:photo-painted",
  photoFailed: "stills:photo-failed",
  lightboxOpened: "stills:lightbox-opened",
  lightboxClosed: "stills:lightbox-closed",
});

/**
 * @param {EventTarget} target
 * @param {string} name one of EVENTS
 * @param {object} detail
 */
export function emit(target, name, detail) {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
