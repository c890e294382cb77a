import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { adoptAttempt, applySettings, csrfToken, editingExtensions, loadSettings, storeSettings } from "./editor.js";

// The codebase page: the repository as a file tree beside one CodeMirror editor. Each file keeps its
// own editor state (and undo history); the whole repository is autosaved with the attempt as the
// problem page saves code, and kept in this browser until the server has it.

const SAVE_DELAY_MS = 600;
const KEEPALIVE_MAX = 60_000; // a keepalive request carries at most 64 KB

function languageOf(path) {
  if (path.endsWith(".py")) return python();
  if (/\.(md|markdown)$/i.test(path)) return markdown();
  return [];
}

function attemptValue() {
  return document.getElementById("attempt-id")?.value || "";
}

function click(id) {
  const b = document.getElementById(id);
  if (b && !b.disabled) b.click();
}

// The tree as the server draws it: folders first (open unless folded here), then files, by name.
function drawTree(root, paths, current, folded) {
  const top = { dirs: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split("/");
    let node = top;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
      node = node.dirs.get(part);
    }
    node.files.push(parts[parts.length - 1]);
  }
  const build = (node, prefix) => {
    const ul = document.createElement("ul");
    ul.className = "tree";
    for (const name of [...node.dirs.keys()].sort()) {
      const li = document.createElement("li");
      li.className = "tree-dir";
      const det = document.createElement("details");
      det.dataset.dir = prefix + name;
      det.open = !folded.has(prefix + name);
      const sum = document.createElement("summary");
      const icon = document.createElement("span");
      icon.className = "tree-folder";
      icon.setAttribute("aria-hidden", "true");
      sum.append(icon, name);
      det.append(sum, build(node.dirs.get(name), `${prefix}${name}/`));
      li.append(det);
      ul.append(li);
    }
    for (const name of [...node.files].sort()) {
      const li = document.createElement("li");
      li.className = "tree-leaf";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "tree-file";
      b.dataset.path = prefix + name;
      b.title = prefix + name;
      b.textContent = name;
      if (prefix + name === current) b.setAttribute("aria-current", "true");
      li.append(b);
      ul.append(li);
    }
    return ul;
  };
  root.replaceChildren(build(top, ""));
}

function badPath(path, files) {
  if (!path) return "a file needs a name";
  if (path.length > 300) return "that path is too long";
  if (path.startsWith("/") || path.includes("\\") || path.endsWith("/") || path.includes("//")) return "use a relative path such as pkg/util.py";
  if (path.split("/").includes("..") || path.split("/").includes(".")) return "paths must stay inside the repository";
  if (path in files) return `${path} exists already`;
  if (Object.keys(files).some((p) => p.startsWith(`${path}/`))) return `${path} is a folder`;
  return "";
}

export function mountRepository(input) {
  const saveUrl = input.dataset.saveUrl;
  const status = document.getElementById("save-status");
  const note = document.getElementById("draft-note");
  const wrap = document.getElementById("repo-editor-wrap");
  const textarea = document.getElementById("file-text");
  const label = document.getElementById("open-file");
  const count = document.getElementById("file-count");
  const treeRoot = document.getElementById("tree-root");
  const serverFiles = JSON.parse(input.value || "{}");
  let files = { ...serverFiles };
  const states = new Map(); // path -> EditorState (each file keeps its undo history)
  const folded = new Set();
  let current = null;
  let timer = null;
  let dirty = false;

  const setStatus = (text, state) => {
    if (!status) return;
    status.textContent = text;
    status.dataset.state = state;
  };
  const say = (text) => { if (note) { note.textContent = text; note.hidden = !text; } };

  // A local draft per attempt: the whole repository, kept in this browser until the server has it.
  const draftKey = (id) => `rounds-repo-draft:${saveUrl}:${id ?? (attemptValue() || "new")}`;
  const readDraft = (key = draftKey()) => {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch { return null; }
  };
  const keepDraft = () => {
    try { localStorage.setItem(draftKey(), JSON.stringify({ files, at: Date.now(), open: current })); } catch {}
  };
  const dropDraft = (sent) => {
    for (const key of new Set([draftKey(), draftKey("new")])) {
      const d = readDraft(key);
      if (d && JSON.stringify(d.files) === sent) localStorage.removeItem(key);
    }
  };
  const openKey = `rounds-repo-open:${saveUrl}`;

  // The form's inputs follow the editor, so Run tests, Submit and the assistant send what it holds.
  const sync = () => {
    input.value = JSON.stringify(files);
    for (const el of document.querySelectorAll("input.open-path")) el.value = current || "";
    for (const el of document.querySelectorAll("input.open-text")) el.value = current ? files[current] ?? "" : "";
    if (count) count.textContent = `(${Object.keys(files).length})`;
  };

  const savedAt = Date.parse(input.dataset.savedAt || "") || 0;
  let restored = false;
  const draft = readDraft();
  if (draft && draft.files && typeof draft.files === "object") {
    const same = JSON.stringify(draft.files) === JSON.stringify(files);
    const when = new Date(draft.at).toLocaleTimeString();
    if (!same && draft.at > savedAt) {
      files = { ...draft.files };
      restored = true;
      say(`Restored this browser's draft from ${when}: it is newer than the repository on the server, and is being saved.`);
    } else {
      if (!same) say(`The repository on the server is newer than this browser's draft from ${when}; showing the server's.`);
      localStorage.removeItem(draftKey());
    }
  }

  const save = async () => {
    timer = null;
    if (!dirty || !saveUrl) return;
    dirty = false;
    const sent = JSON.stringify(files);
    const body = new URLSearchParams({ files: sent, attempt: attemptValue(), csrf_token: csrfToken() });
    setStatus("Saving…", "saving");
    try {
      const r = await fetch(saveUrl, { method: "POST", body, headers: { "X-CSRF-Token": csrfToken() }, credentials: "same-origin" });
      if (!r.ok) {
        dirty = true;
        let why = await r.text();
        try { why = JSON.parse(why).error || why; } catch {}
        setStatus(`Not saved: ${why.slice(0, 400)}`, "error");
        return;
      }
      const data = await r.json();
      adoptAttempt(data.attempt_id);
      dropDraft(sent);
      setStatus(`Saved ${new Date().toLocaleTimeString()}`, "saved");
      if (data.clock) document.dispatchEvent(new CustomEvent("rounds:clock", { detail: data.clock }));
    } catch {
      dirty = true;
      setStatus("Not saved: the server cannot be reached. Your files stay in this tab and this browser.", "error");
    }
  };

  const schedule = () => {
    dirty = true;
    sync();
    keepDraft();
    setStatus("Unsaved changes", "dirty");
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const saveNow = () => { if (timer) clearTimeout(timer); dirty = true; save(); return true; };

  const wrapping = new Compartment();
  let settings = loadSettings(input);
  const shortcuts = Prec.highest(keymap.of([
    { key: "Mod-Enter", run: () => (click("run-button"), true) },
    { key: "Mod-Shift-Enter", run: () => (click("submit-button"), true) },
    { key: "Mod-s", run: saveNow },
  ]));
  const stateFor = (path) => EditorState.create({
    doc: files[path] ?? "",
    extensions: [
      ...editingExtensions(), languageOf(path), shortcuts,
      wrapping.of(settings.wrap ? EditorView.lineWrapping : []),
      EditorView.contentAttributes.of({ "aria-label": `Editing ${path}` }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged || current !== path) return;
        files[path] = u.state.doc.toString();
        schedule();
      }),
    ],
  });

  let first = input.dataset.first;
  try {
    const last = (restored && draft.open) || localStorage.getItem(openKey);
    if (last && last in files) first = last;
  } catch {}
  if (!(first in files)) first = Object.keys(files).sort()[0];
  const view = new EditorView({ parent: wrap, state: stateFor(first ?? "") });
  current = first ?? null;
  textarea.remove();
  wrap.querySelector("label")?.remove();
  wrap.classList.add("has-editor");

  const mark = () => {
    for (const b of treeRoot.querySelectorAll(".tree-file")) {
      if (b.dataset.path === current) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
    }
  };
  const redraw = () => { drawTree(treeRoot, Object.keys(files), current, folded); };

  const open = (path, focus = false) => {
    if (!(path in files)) return false;
    if (current !== null && current !== path) states.set(current, view.state);
    if (current !== path) {
      view.setState(states.get(path) || stateFor(path));
      current = path;
      view.dispatch({ effects: wrapping.reconfigure(settings.wrap ? EditorView.lineWrapping : []) });
    }
    if (label) label.textContent = path;
    mark();
    // a folded folder opens to show the file
    let dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    while (dir) {
      const det = treeRoot.querySelector(`details[data-dir="${CSS.escape(dir)}"]`);
      if (det && !det.open) { det.open = true; folded.delete(dir); }
      dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
    }
    try { localStorage.setItem(openKey, path); } catch {}
    sync();
    if (focus) { view.focus(); wrap.scrollIntoView({ block: "nearest" }); }
    return true;
  };

  treeRoot.addEventListener("click", (e) => {
    const b = e.target.closest(".tree-file");
    if (b) open(b.dataset.path, true);
  });
  treeRoot.addEventListener("toggle", (e) => {
    const det = e.target;
    if (!det.dataset || !det.dataset.dir) return;
    if (det.open) folded.delete(det.dataset.dir); else folded.add(det.dataset.dir);
  }, true);
  // "open" next to a test file in the test log
  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest("[data-open-file]");
    if (!b) return;
    e.preventDefault();
    if (!open(b.dataset.openFile, true)) setStatus(`${b.dataset.openFile} is not in the repository any more`, "error");
  });

  // New, rename and delete: the tree is drawn again and the repository saved.
  const replaceFiles = (next, openPath) => {
    files = next;
    redraw();
    if (openPath) { current = null; open(openPath, true); }
    schedule();
  };
  document.getElementById("new-file")?.addEventListener("click", () => {
    const base = current && current.includes("/") ? current.slice(0, current.lastIndexOf("/") + 1) : "";
    const path = (window.prompt("New file (a path in the repository, e.g. tests/test_more.py):", base) || "").trim();
    if (!path || path === base) return;
    const why = badPath(path, files);
    if (why) { setStatus(`Not added: ${why}`, "error"); return; }
    if (current) states.set(current, view.state);
    replaceFiles({ ...files, [path]: "" }, path);
  });
  document.getElementById("rename-file")?.addEventListener("click", () => {
    if (!current) return;
    const path = (window.prompt(`Rename ${current} to:`, current) || "").trim();
    if (!path || path === current) return;
    const why = badPath(path, files);
    if (why) { setStatus(`Not renamed: ${why}`, "error"); return; }
    const next = {};
    for (const [p, text] of Object.entries(files)) next[p === current ? path : p] = text;
    states.delete(current);
    replaceFiles(next, path);
  });
  document.getElementById("delete-file")?.addEventListener("click", () => {
    if (!current || !window.confirm(`Delete ${current}? Reset or History bring it back.`)) return;
    const next = { ...files };
    delete next[current];
    states.delete(current);
    const first = Object.keys(next).sort()[0] || null;
    current = null;
    replaceFiles(next, first);
  });

  // Editor settings: font size, wrapping and theme, kept for the user as on the problem page.
  applySettings(view, wrapping, settings, wrap);
  const size = document.getElementById("editor-font-size");
  const lines = document.getElementById("editor-wrap-lines");
  const theme = document.getElementById("editor-theme");
  if (size && lines && theme) {
    size.value = String(settings.fontSize);
    lines.checked = !!settings.wrap;
    theme.value = settings.theme;
    const changed = () => {
      settings = { fontSize: Number(size.value) || 14, wrap: lines.checked, theme: theme.value };
      storeSettings(settings);
      applySettings(view, wrapping, settings, wrap);
    };
    for (const el of [size, lines, theme]) el.addEventListener("change", changed);
  }

  if (restored) redraw();
  if (current !== null) open(current); else sync();
  if (restored) schedule();

  // A fragment came in (the assistant's answer): its inputs follow the editor too, and an attempt
  // it started is the page's.
  document.addEventListener("htmx:afterSwap", () => {
    const box = document.getElementById("assistant-box");
    if (box && box.dataset.attempt) adoptAttempt(box.dataset.attempt);
    // a Run or Submit started a practice attempt: work on it, and show its clock
    const started = document.getElementById("attempt-started");
    if (started) {
      adoptAttempt(started.dataset.attempt);
      let clock = null;
      try { clock = JSON.parse(started.dataset.clock || "null"); } catch {}
      if (clock) document.dispatchEvent(new CustomEvent("rounds:clock", { detail: clock }));
      started.remove();
    }
    sync();
  });

  // Leaving the page with unsaved edits: send them on the way out (a big repository stays in the draft).
  const flush = () => {
    if (!dirty || !saveUrl) return;
    const sent = JSON.stringify(files);
    if (sent.length > KEEPALIVE_MAX) return;
    if (timer) clearTimeout(timer);
    timer = null;
    dirty = false;
    const body = new URLSearchParams({ files: sent, attempt: attemptValue(), csrf_token: csrfToken() });
    fetch(saveUrl, { method: "POST", body, headers: { "X-CSRF-Token": csrfToken() }, credentials: "same-origin",
      keepalive: true }).catch(() => { dirty = true; });
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });

  window.roundsRepo = { view, open, files: () => ({ ...files }), current: () => current };
  return view;
}
