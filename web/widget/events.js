// The events a widget dispatches on its element, in one place. Each is a CustomEvent that bubbles and
// is composed; the names are namespaced "stills-" as custom elements' events are.
//
//   stills-rendered     the post (or gallery) is on the page and laid out
//                       detail: { meta, diagnostics, gallery }   (gallery: its id, for <stills-gallery>)
//   stills-error        what could not be shown, or was shown with errors
//                       detail: { url, message, diagnostics }    (diagnostics: the post's errors, if any)
//   stills-photo-open   the lightbox opened                      detail: { gallery, index }
//   stills-photo-close  the lightbox closed                      detail: { gallery }
//
// The views' own events (stills:photo-painted, stills:photo-failed, …; see dom/events.js) come out of
// the element too.

export const WIDGET_EVENTS = Object.freeze({
  rendered: "stills-rendered",
  error: "stills-error",
  photoOpen: "stills-photo-open",
  photoClose: "stills-photo-close",
});
