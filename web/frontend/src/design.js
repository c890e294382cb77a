// The design session page: the phased clock, autosaving notes and diagram, the live Mermaid drawing.
import "./design.css";
import { renderMath } from "./math.js";

function fmt(total) {
  const s = Math.abs(Math.round(total));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

function csrf() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

// The clock: the open phase's budget counts down from the server's start time, so a reload keeps it.
// When the round's time runs out (its minutes and the grace, `data-ends-at`), the round is over: the
// server ends it on its next read or write, and the page shows it at once (see endRound).
function startPhaseClock(el, root) {
  const label = el.querySelector(".clock-time");
  const started = Date.parse(el.dataset.phaseStarted);
  const budget = Number(el.dataset.budget || 0);
  const before = Number(el.dataset.before || 0);
  const round = Number(el.dataset.round || 0);
  const phase = el.dataset.phase;
  const warn = document.getElementById("overrun-warning");
  const roundOver = document.getElementById("round-over");
  const roundClock = document.getElementById("round-clock");
  const endsIn = document.getElementById("round-ends-in");
  const endsAt = Date.parse(root.dataset.endsAt || "");
  const tick = () => {
    if (!document.body.contains(el) || ended) return;
    if (!Number.isNaN(endsAt) && Date.now() >= endsAt) {
      endRound(root);
      return;
    }
    const spent = Math.max(0, (Date.now() - started) / 1000);
    const left = budget - spent;
    label.textContent = `${phase} · ${fmt(left)} ${left >= 0 ? "left" : "over"}`;
    el.classList.toggle("overtime", left < 0);
    if (warn) warn.hidden = left >= 0;
    const total = before + spent;
    if (roundClock) roundClock.textContent = `round ${fmt(total)} of ${fmt(round)}`;
    if (roundOver) roundOver.hidden = total <= round;
    if (endsIn && !Number.isNaN(endsAt) && total > round) endsIn.textContent = `in ${fmt((endsAt - Date.now()) / 1000)}`;
    setTimeout(tick, 1000);
  };
  tick();
}

// Autosave: each text box saves itself half a second after typing stops, and every unsaved box is
// sent with a request that outlives the page when the page is hidden or left.
const boxes = new Map(); // textarea -> { dirty, timer, seq }
let ended = false; // the round's time ran out: the boxes are read-only, their text stays

// Time ran out: the round is over. The boxes keep their text (read-only, so it can still be copied),
// a box not saved in time keeps its local draft, and the notice links to the rubric.
function endRound(root) {
  if (ended) return;
  ended = true;
  root.dataset.stage = "ended";
  for (const [t, box] of boxes) {
    clearTimeout(box.timer);
    t.readOnly = true;
    t.setAttribute("aria-readonly", "true");
  }
  for (const sel of ["#next-phase", "#finish-design", "#clarify-form", "#interviewer-form"]) {
    const node = root.querySelector(sel);
    const form = node && (node.tagName === "FORM" ? node : node.closest("form"));
    if (form) form.hidden = true;
  }
  for (const id of ["overrun-warning", "round-over"]) {
    const node = document.getElementById(id);
    if (node) node.hidden = true;
  }
  const label = root.querySelector("#phase-clock .clock-time");
  if (label) label.textContent = "time ran out";
  root.querySelector("#phase-clock")?.classList.add("overtime");
  const unsaved = [...boxes.values()].some((b) => b.dirty);
  const note = document.getElementById("round-ended-unsaved");
  if (note) note.hidden = !unsaved;
  const notice = document.getElementById("round-ended");
  if (notice) notice.hidden = false;
  if (unsaved) status("Time ran out before the last changes were saved: they stay in their boxes and in this browser.", "error");
  else status("Time ran out: your notes are saved.", "saved");
}

function status(text, state) {
  const el = document.getElementById("design-save-status");
  if (!el) return;
  el.textContent = text;
  el.dataset.state = state;
}

function body(textarea) {
  const data = new FormData();
  if (textarea.dataset.phase) data.set("phase", textarea.dataset.phase);
  data.set("text", textarea.value);
  return data;
}

async function save(textarea, { keepalive = false } = {}) {
  const box = boxes.get(textarea);
  clearTimeout(box.timer);
  if (!box.dirty) return;
  box.dirty = false;
  const seq = ++box.seq;
  status("Saving…", "saving");
  try {
    const r = await fetch(textarea.dataset.saveUrl, {
      method: "POST", body: body(textarea), credentials: "same-origin", keepalive,
      headers: { "X-CSRF-Token": csrf() },
    });
    if (r.status === 409) { // the round's time ran out (the server's clock says so)
      box.dirty = true;
      let data = {};
      try { data = await r.json(); } catch {}
      if (data.ended) {
        endRound(document.getElementById("design-session"));
        status(`Not saved: ${String(data.error || "the time ran out").slice(0, 240)}`, "error");
        return;
      }
      status(`Not saved: ${String(data.error || r.statusText).slice(0, 160)}`, "error");
      return;
    }
    if (!r.ok) {
      box.dirty = true;
      status(`Not saved: ${(await r.text()).replace(/<[^>]+>/g, "").slice(0, 160)}`, "error");
      return;
    }
    const data = await r.json();
    if (seq === box.seq && !box.dirty) {
      status("Saved", "saved");
      dropDraft(textarea);
    }
    const preview = textarea.dataset.phase &&
      document.querySelector(`[data-preview-of="${textarea.dataset.phase}"]`);
    if (preview && data.html !== undefined) {
      preview.innerHTML = data.html; // sanitised by the server
      renderMath(preview);
    }
  } catch {
    box.dirty = true;
    status("Not saved: the server cannot be reached. Your text is still here.", "error");
  }
}

function flushAll(keepalive) {
  if (ended) return Promise.resolve([]); // the server takes no more notes; the drafts stay in this browser
  return Promise.all([...boxes.keys()].map((t) => save(t, { keepalive })));
}

// A local draft per box until the server has it: after a crash, the page puts it back.
function draftKey(textarea) {
  const root = document.getElementById("design-session");
  return `rounds-design-${root.dataset.session}-${textarea.dataset.phase || "diagram"}`;
}

function keepDraft(textarea) {
  try {
    localStorage.setItem(draftKey(textarea), JSON.stringify({ text: textarea.value, at: new Date().toISOString() }));
  } catch {}
}

function dropDraft(textarea) {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey(textarea)) || "null");
    if (d && d.text === textarea.value) localStorage.removeItem(draftKey(textarea));
  } catch {}
}

function restoreDrafts(root) {
  const serverAt = Date.parse(root.dataset.savedAt || "") || 0;
  let restored = 0;
  for (const t of boxes.keys()) {
    let d = null;
    try { d = JSON.parse(localStorage.getItem(draftKey(t)) || "null"); } catch {}
    if (!d || typeof d.text !== "string") continue;
    if (d.text === t.value || Date.parse(d.at) <= serverAt) {
      localStorage.removeItem(draftKey(t));
      continue;
    }
    t.value = d.text;
    boxes.get(t).dirty = true;
    restored += 1;
    save(t);
  }
  if (restored) status(`Restored ${restored} unsaved box${restored === 1 ? "" : "es"} from this browser`, "dirty");
}

// After the round: notes typed but not saved before the end (time ran out) are shown from this
// browser's drafts, to copy; "Forget them" removes them.
function showDrafts(root) {
  const box = document.getElementById("unsaved-drafts");
  if (!box) return;
  const prefix = `rounds-design-${root.dataset.session}-`;
  const serverAt = Date.parse(root.dataset.savedAt || "") || 0;
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      if (k && k.startsWith(prefix)) keys.push(k);
    }
  } catch { return; }
  let shown = 0;
  for (const k of keys.sort()) {
    let d = null;
    try { d = JSON.parse(localStorage.getItem(k) || "null"); } catch {}
    if (!d || typeof d.text !== "string" || !d.text.trim() || Date.parse(d.at) <= serverAt) {
      try { localStorage.removeItem(k); } catch {}
      continue;
    }
    const item = document.createElement("details");
    item.open = true;
    item.dataset.draft = k.slice(prefix.length);
    const summary = document.createElement("summary");
    summary.textContent = k.slice(prefix.length);
    const pre = document.createElement("pre");
    pre.className = "draft-text";
    pre.textContent = d.text;
    item.append(summary, pre);
    box.appendChild(item);
    shown += 1;
  }
  if (!shown) return;
  const forget = document.createElement("button");
  forget.type = "button";
  forget.id = "forget-drafts";
  forget.textContent = "Forget them";
  forget.addEventListener("click", () => {
    for (const k of keys) { try { localStorage.removeItem(k); } catch {} }
    box.hidden = true;
  });
  box.appendChild(forget);
  box.hidden = false;
}

function setupAutosave(root) {
  for (const t of root.querySelectorAll("textarea[data-save-url]")) {
    boxes.set(t, { dirty: false, timer: 0, seq: 0 });
    t.addEventListener("input", () => {
      const box = boxes.get(t);
      box.dirty = true;
      keepDraft(t);
      status("Unsaved changes", "dirty");
      clearTimeout(box.timer);
      box.timer = setTimeout(() => save(t), 500);
    });
    t.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(t); }
    });
  }
  restoreDrafts(root);
  window.addEventListener("pagehide", () => flushAll(true));
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flushAll(true); });
  // Moving on or finishing: the notes reach the server first, then the form goes.
  for (const form of root.querySelectorAll("form[data-flush]")) {
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (form.dataset.ask && !window.confirm(form.dataset.ask)) return;
      await flushAll(false);
      form.submit();
    });
  }
}

function themeMermaid(mermaid) {
  const dark = (document.documentElement.dataset.theme ||
    (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")) === "dark";
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
}

// Mermaid: loaded on first need from its own bundle, so that other pages stay light.
let mermaidReady = null;
function loadMermaid(src) {
  if (window.roundsMermaid) return Promise.resolve(window.roundsMermaid);
  if (!mermaidReady) {
    mermaidReady = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve(window.roundsMermaid);
      s.onerror = () => reject(new Error("the diagram renderer did not load"));
      document.head.appendChild(s);
    }).then((mermaid) => {
      themeMermaid(mermaid);
      return mermaid;
    });
  }
  return mermaidReady;
}

let drawn = 0;
async function draw(target, source) {
  const text = source.trim();
  if (!text) {
    target.innerHTML = '<p class="muted">The drawing appears here.</p>';
    return;
  }
  let mermaid;
  try {
    mermaid = await loadMermaid(target.dataset.mermaidSrc);
  } catch (err) {
    target.innerHTML = "";
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = `The drawing is unavailable (${err.message}); your Mermaid text is kept as it is.`;
    target.appendChild(p);
    return;
  }
  const id = `design-diagram-${++drawn}`;
  try {
    await mermaid.parse(text);
    const { svg } = await mermaid.render(id, text);
    target.innerHTML = svg; // mermaid sanitises its output in strict mode
    target.dataset.state = "drawn";
  } catch (err) {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
    let msg = target.querySelector(".diagram-error");
    if (!msg) {
      msg = document.createElement("pre");
      msg.className = "diagram-error";
      target.prepend(msg);
    }
    msg.textContent = `Not drawn yet: ${String(err && err.message ? err.message : err).split("\n").slice(0, 4).join("\n")}`;
    target.dataset.state = "error";
  }
}

function setupDiagram(root) {
  const source = root.querySelector("#diagram-source");
  const preview = root.querySelector("#diagram-preview");
  if (source && preview) {
    let timer = 0;
    source.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => draw(preview, source.value), 400);
    });
    if (source.value.trim()) draw(preview, source.value);
  }
  for (const view of root.querySelectorAll(".mermaid-view[data-source]")) draw(view, view.dataset.source);
  // The page's theme changed: draw again in its colours.
  document.getElementById("theme-toggle")?.addEventListener("click", () => {
    if (!window.roundsMermaid) return;
    themeMermaid(window.roundsMermaid);
    if (source && preview) draw(preview, source.value);
    for (const view of root.querySelectorAll(".mermaid-view[data-source]")) draw(view, view.dataset.source);
  });
}

export function setupDesign() {
  const root = document.getElementById("design-session");
  if (!root) return;
  const clock = root.querySelector("#phase-clock");
  setupAutosave(root);
  if (clock) startPhaseClock(clock, root);
  if (root.dataset.stage !== "clock") showDrafts(root);
  setupDiagram(root);
  document.addEventListener("htmx:afterSwap", (e) => {
    if (e.detail.target && e.detail.target.id === "clarify-box") {
      document.getElementById("clarify-question")?.focus();
    }
  });
}
