// The source pane: CodeMirror 6 in an open shadow root, so CodeMirror's styles go into a constructed
// stylesheet (a <style> element would break the page's `style-src 'self'`). Markdown with its YAML
// frontmatter highlighted as YAML, line numbers, undo/redo, search, soft wrap, lint markers; colours
// come from the views' custom properties, so it follows the light and dark themes.
import {
  EditorSelection, EditorState, EditorView, HighlightStyle, LanguageSupport, bracketMatching, defaultKeymap,
  drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSelectionMatches, history, historyKeymap,
  indentOnInput, indentWithTab, keymap, lineNumbers, lintGutter, lintKeymap, markdownLanguage, search,
  searchKeymap, setDiagnostics, syntaxHighlighting, tags, yamlFrontmatter,
} from "../vendor/codemirror.js";

const highlight = HighlightStyle.define([
  { tag: [tags.heading], fontWeight: "600", color: "var(--stills-ink)" },
  { tag: [tags.emphasis], fontStyle: "italic" },
  { tag: [tags.strong], fontWeight: "600" },
  { tag: [tags.link, tags.url], color: "var(--editor-link)" },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "var(--editor-key)" },
  { tag: [tags.string, tags.content], color: "var(--editor-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--editor-literal)" },
  { tag: [tags.meta, tags.comment, tags.processingInstruction, tags.monospace], color: "var(--stills-muted)" },
  { tag: [tags.punctuation, tags.separator, tags.bracket], color: "var(--stills-muted)" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", color: "var(--stills-ink)", backgroundColor: "var(--stills-paper)", fontSize: "0.9375rem" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.55" },
  ".cm-content": { caretColor: "var(--stills-ink)", padding: "0.75rem 0" },
  ".cm-gutters": { backgroundColor: "var(--stills-paper)", color: "var(--stills-muted)", borderRight: "1px solid var(--stills-rule)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "var(--editor-selection) !important" },
  "&.cm-focused": { outline: "none" },
  ".cm-panels": { backgroundColor: "var(--stills-paper)", color: "var(--stills-ink)" },
  ".cm-tooltip": { backgroundColor: "var(--stills-paper)", color: "var(--stills-ink)", border: "1px solid var(--stills-rule)" },
});

/**
 * The offset in `text` of the `column`-th code point (1-based), as CodeMirror counts (UTF-16 units).
 * @param {string} text
 * @param {number} column
 */
export function offsetOfColumn(text, column) {
  let offset = 0;
  for (let point = 1; point < column && offset < text.length; point++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return offset;
}

/**
 * @typedef {{ severity: "error" | "warning" | "info", message: string, line: number, column: number }} Problem
 * @typedef {{ spans: () => Array<{ from: number, to: number }>, release: () => void }} Tracked
 *   where inserted text is now, followed through later edits (a span shrinks as its text is deleted)
 * @typedef {{ setProblems: (problems: Problem[]) => void, setText: (text: string) => void,
 *   insert: (insertions: Array<{ at: number, insert: string }>) => Tracked,
 *   change: (text: string) => void,
 *   replace: (change: { from: number, to: number, insert: string }) => void, cursor: () => number,
 *   moveTo: (line: number, column?: number) => void, scrollToLine: (line: number) => void }} SourcePane
 */

/**
 * @param {HTMLElement} host the element whose shadow root holds the editor
 * @param {{ text: string, stylesheet: string, onChange: (text: string) => void,
 *   onCursor: (line: number) => void, onScroll: (line: number) => void,
 *   onFiles: (files: File[], offset: number) => void }} options onFiles: files dropped or pasted, and where
 * @returns {SourcePane}
 */
export function createSourcePane(host, { text, stylesheet, onChange, onCursor, onScroll, onFiles }) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet;
  const parent = document.createElement("div");
  parent.className = "source";
  root.replaceChildren(link, parent);

  /** @type {Set<Array<{ from: number, to: number }>>} spans of inserted text being followed */
  const tracked = new Set();
  const view = new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(), indentOnInput(), bracketMatching(),
        highlightActiveLine(), highlightSelectionMatches(), search({ top: true }), lintGutter(),
        EditorView.lineWrapping, theme, syntaxHighlighting(highlight),
        yamlFrontmatter({ content: new LanguageSupport(markdownLanguage) }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
        // tabindex: the scroller's focusable content, as checkers of keyboard access look for it.
        EditorView.contentAttributes.of({ "aria-label": "Post source (Markdown with YAML frontmatter)", tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            for (const spans of tracked) {
              for (const span of spans) Object.assign(span, { from: update.changes.mapPos(span.from, 1), to: update.changes.mapPos(span.to, -1) });
            }
            onChange(update.state.doc.toString());
          }
          if (update.selectionSet) onCursor(update.state.doc.lineAt(update.state.selection.main.head).number);
        }),
        // CodeMirror's own drop handler would insert a dropped file's bytes as text.
        EditorView.domEventHandlers({
          scroll: () => onScroll(topLine()),
          drop(event, editor) {
            const files = [...(event.dataTransfer?.files ?? [])];
            if (!files.length) return false;
            event.preventDefault();
            onFiles(files, editor.posAtCoords({ x: event.clientX, y: event.clientY }) ?? editor.state.selection.main.head);
            return true;
          },
          paste(event, editor) {
            const files = [...(event.clipboardData?.files ?? [])];
            if (!files.length) return false;
            event.preventDefault();
            onFiles(files, editor.state.selection.main.head);
            return true;
          },
        }),
      ],
    }),
  });

  const topLine = () => view.state.doc.lineAt(view.lineBlockAtHeight(view.scrollDOM.scrollTop).from).number;
  const position = (line, column = 1) => {
    const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
    return at.from + Math.min(offsetOfColumn(at.text, column), at.length);
  };

  return {
    setProblems(problems) {
      const diagnostics = problems.map(({ severity, message, line, column }) => {
        const from = position(line, column);
        return { from, to: Math.max(from, view.state.doc.lineAt(from).to), severity, message };  // to the line's end
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    insert(insertions) {
      const changes = view.state.changes(insertions.map(({ at, insert }) => ({ from: at, insert })));
      const spans = insertions.map(({ at, insert }) => {
        const from = changes.mapPos(at, -1);
        return { from, to: from + insert.length };
      });
      view.dispatch({ changes });
      tracked.add(spans);  // after the dispatch: its own update must not map them (they are in the new text)
      return { spans: () => spans.map(({ from, to }) => ({ from, to })), release: () => tracked.delete(spans) };
    },
    change(next) {
      const now = view.state.doc.toString();
      let start = 0;
      while (start < now.length && start < next.length && now[start] === next[start]) start++;
      let end = 0;
      while (end < now.length - start && end < next.length - start && now[now.length - 1 - end] === next[next.length - 1 - end]) end++;
      view.dispatch({ changes: { from: start, to: now.length - end, insert: next.slice(start, next.length - end) } });
    },
    replace(change) {
      view.dispatch({ changes: change });
    },
    cursor: () => view.state.selection.main.head,
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    moveTo(line, column = 1) {
      const at = position(line, column);
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: "center" }) });
      view.focus();
    },
    scrollToLine(line) {
      view.dispatch({ effects: EditorView.scrollIntoView(position(line), { y: "start" }) });
    },
  };
}
