// What the editor takes from CodeMirror 6 (npm, pinned), bundled by esbuild into dist/vendor/codemirror.js:
// CodeMirror's packages import each other by bare name, which a browser cannot resolve without a
// bundler or an import map (and an inline import map is inline script, which the CSP forbids).
export { EditorSelection, EditorState, StateEffect, StateField } from "@codemirror/state";
export { EditorView, ViewPlugin, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
export { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
export { HighlightStyle, LanguageSupport, bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
export { markdownLanguage } from "@codemirror/lang-markdown";
export { yamlFrontmatter } from "@codemirror/lang-yaml";
export { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
export { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
export { tags } from "@lezer/highlight";
