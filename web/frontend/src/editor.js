import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers, rectangularSelection,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

// Colours come from CSS variables, so one highlight style serves the light and the dark theme.
export const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--code-keyword)" },
  { tag: [t.string, t.special(t.string)], color: "var(--code-string)" },
  { tag: [t.number, t.bool, t.null], color: "var(--code-number)" },
  { tag: [t.comment, t.lineComment], color: "var(--code-comment)", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: "var(--code-function)" },
  { tag: [t.className, t.definition(t.className)], color: "var(--code-class)" },
  { tag: [t.self, t.special(t.variableName)], color: "var(--code-keyword)" },
]);

const SAVE_DELAY_MS = 600;

export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]').content;
}

function click(id) {
  const b = document.getElementById(id);
  if (b && !b.disabled) b.click();
}

// The attempt the page works on (empty until the first edit starts one).
function attemptInput() {
  return document.getElementById("attempt-id");
}

// The first save started an attempt: the page now works on it, and its address says so.
export function adoptAttempt(id) {
  const input = attemptInput();
  if (!input || !id || input.value) return;
  input.value = String(id);
  for (const ref of document.querySelectorAll("input.attempt-ref")) if (!ref.value) ref.value = String(id);
  const url = new URL(location.href);
  url.searchParams.set("attempt", String(id));
  window.history.replaceState(window.history.state, "", url);
}

// What every code editor of the pages has: gutters, history, brackets, search, the highlight style, keys.
export function editingExtensions() {
  return [
    lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(),
    drawSelection(), dropCursor(), EditorState.allowMultipleSelections.of(true), indentOnInput(),
    syntaxHighlighting(highlight), bracketMatching(), closeBrackets(), autocompletion(),
    rectangularSelection(), crosshairCursor(), highlightActiveLine(), highlightSelectionMatches(),
    indentUnit.of("    "),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
      ...foldKeymap, ...completionKeymap, indentWithTab]),
  ];
}

// Turns the code textarea of a problem page into a CodeMirror editor that saves as the user types.
export function mountEditor(textarea) {
  const formBody = () => {
    const body = new FormData();
    body.set("code", textarea.value);
    body.set("csrf_token", csrfToken());
    const input = attemptInput();
    if (input) body.set("attempt", input.value);
    return body;
  };
  const saveUrl = textarea.dataset.saveUrl;
  const status = document.getElementById("save-status");
  const note = document.getElementById("draft-note");
  let timer = null;
  let dirty = false;
  let inflight = null;

  // A local draft per attempt: what the editor holds, kept in this browser until the server has it,
  // so a reload (or a crash) within the autosave delay loses nothing.
  const draftKey = () => `rounds-draft:${saveUrl}:${attemptInput()?.value || "new"}`;
  const readDraft = () => {
    try { return JSON.parse(localStorage.getItem(draftKey()) || "null"); } catch { return null; }
  };
  const keepDraft = () => {
    try { localStorage.setItem(draftKey(), JSON.stringify({ code: textarea.value, at: Date.now() })); } catch {}
  };
  const dropDraft = (code) => {
    const d = readDraft();
    if (d && d.code === code) localStorage.removeItem(draftKey());
  };
  const say = (text) => { if (note) { note.textContent = text; note.hidden = !text; } };
  const savedAt = Date.parse(textarea.dataset.savedAt || "") || 0;
  let restored = false;
  const draft = readDraft();
  if (draft && typeof draft.code === "string" && draft.code !== textarea.value) {
    const when = new Date(draft.at).toLocaleTimeString();
    if (draft.at > savedAt) {
      textarea.value = draft.code;
      restored = true;
      say(`Restored this browser's draft from ${when}: it is newer than the copy on the server, and is being saved.`);
    } else {
      localStorage.removeItem(draftKey());
      say(`The copy on the server is newer than this browser's draft from ${when}; showing the server's.`);
    }
  } else if (draft) {
    localStorage.removeItem(draftKey());
  }

  const setStatus = (text, state) => {
    if (!status) return;
    status.textContent = text;
    status.dataset.state = state;
  };

  const save = async () => {
    timer = null;
    if (!dirty || !saveUrl) return;
    dirty = false;
    const body = formBody();
    const sent = textarea.value;
    setStatus("Saving…", "saving");
    try {
      inflight = fetch(saveUrl, { method: "POST", body, headers: { "X-CSRF-Token": csrfToken() }, credentials: "same-origin" });
      const r = await inflight;
      if (!r.ok) {
        dirty = true;
        let why = await r.text();
        try { why = JSON.parse(why).error || why; } catch {}
        setStatus(`Not saved: ${why.slice(0, 300)}`, "error");
        return;
      }
      const data = await r.json();
      setStatus(`Saved ${new Date().toLocaleTimeString()}`, "saved");
      dropDraft(sent);
      adoptAttempt(data.attempt_id);
      if (data.clock) document.dispatchEvent(new CustomEvent("rounds:clock", { detail: data.clock }));
    } catch (e) {
      dirty = true;
      setStatus("Not saved: the server cannot be reached. Your code stays in this tab.", "error");
    } finally {
      inflight = null;
    }
  };

  const schedule = () => {
    dirty = true;
    keepDraft();
    setStatus("Unsaved changes", "dirty");
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  const shortcuts = Prec.highest(keymap.of([
    { key: "Mod-Enter", run: () => (click("run-button"), true) },
    { key: "Mod-Shift-Enter", run: () => (click("submit-button"), true) },
    { key: "Mod-s", run: () => { if (timer) clearTimeout(timer); dirty = true; save(); return true; } },
  ]));

  const wrapping = new Compartment();
  const settings = loadSettings(textarea);
  const view = new EditorView({
    parent: textarea.parentElement,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        ...editingExtensions(), python(), shortcuts, wrapping.of(settings.wrap ? EditorView.lineWrapping : []),
        EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || "Code editor" }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          textarea.value = u.state.doc.toString();
          schedule();
        }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.parentElement.classList.add("has-editor");
  window.roundsEditor = view;
  setupSettings(view, wrapping, settings, textarea.parentElement);

  if (restored) schedule();

  // Leaving the page (or hiding its tab) with unsaved edits: send them on the way out.
  const flush = () => {
    if (!dirty || !saveUrl) return;
    if (timer) clearTimeout(timer);
    timer = null;
    dirty = false;
    fetch(saveUrl, { method: "POST", body: formBody(), headers: { "X-CSRF-Token": csrfToken() },
      credentials: "same-origin", keepalive: true }).catch(() => { dirty = true; });
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
  return view;
}

// Editor settings (font size, line wrap, theme), kept in this browser for every problem.
const SETTINGS_KEY = "rounds-editor";
const DEFAULTS = { fontSize: 14, wrap: false, theme: "page" };

// The server keeps the user's settings; this browser's copy only stands in when the page has none.
export function loadSettings(textarea) {
  try {
    const mine = JSON.parse(textarea.dataset.editorSettings || "null");
    if (mine) return { ...DEFAULTS, ...mine };
  } catch {}
  try { return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) || "{}") }; } catch { return { ...DEFAULTS }; }
}

export function storeSettings(s) {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  const body = new FormData();
  body.set("font_size", String(s.fontSize));
  body.set("wrap", s.wrap ? "true" : "false");
  body.set("theme", s.theme);
  body.set("csrf_token", csrfToken());
  fetch("/settings/editor", { method: "POST", body, credentials: "same-origin" }).catch(() => {});
}

export function applySettings(view, wrapping, s, wrap) {
  wrap.style.setProperty("--editor-font-size", `${s.fontSize}px`);
  if (s.theme === "page") delete wrap.dataset.editorTheme; else wrap.dataset.editorTheme = s.theme;
  view.dispatch({ effects: wrapping.reconfigure(s.wrap ? EditorView.lineWrapping : []) });
  view.requestMeasure();
}

function setupSettings(view, wrapping, s, wrap) {
  applySettings(view, wrapping, s, wrap);
  const size = document.getElementById("editor-font-size");
  const lines = document.getElementById("editor-wrap-lines");
  const theme = document.getElementById("editor-theme");
  if (!size || !lines || !theme) return;
  size.value = String(s.fontSize);
  lines.checked = !!s.wrap;
  theme.value = s.theme;
  const changed = () => {
    const next = { fontSize: Number(size.value) || DEFAULTS.fontSize, wrap: lines.checked, theme: theme.value };
    storeSettings(next);
    applySettings(view, wrapping, next, wrap);
  };
  for (const el of [size, lines, theme]) el.addEventListener("change", changed);
}

// Shortcuts that also work when the focus is outside the editor.
export function globalShortcuts() {
  document.addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.key !== "Enter") return;
    if (e.target.closest && e.target.closest(".cm-editor")) return;
    if (!document.getElementById("run-button")) return;
    e.preventDefault();
    click(e.shiftKey ? "submit-button" : "run-button");
  });
}
