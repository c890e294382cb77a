import htmx from "htmx.org";
import "katex/dist/katex.css";
import { drawCharts } from "./charts.js";
import { mountRepository } from "./codebase.js";
import { setupDesign } from "./design.js";
import { globalShortcuts, mountEditor } from "./editor.js";
import { renderMath } from "./math.js";
import "./behavioral.js";

window.htmx = htmx;
htmx.config.includeIndicatorStyles = false; // the CSP allows no inline <style> from scripts
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
htmx.config.selfRequestsOnly = true;
htmx.config.historyCacheSize = 0;

// Every htmx request carries the CSRF token.
document.addEventListener("htmx:configRequest", (e) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) e.detail.headers["X-CSRF-Token"] = meta.content;
});

// A failed request shows its reason instead of silently doing nothing.
document.addEventListener("htmx:responseError", (e) => {
  const target = e.detail.target;
  const xhr = e.detail.xhr;
  if (target && xhr && xhr.responseText && xhr.getResponseHeader("content-type")?.includes("text/html")) {
    target.innerHTML = xhr.responseText;
  } else {
    flash(`The server answered ${xhr ? xhr.status : "nothing"}: ${xhr ? xhr.responseText.slice(0, 200) : ""}`);
  }
});
document.addEventListener("htmx:sendError", () => flash("The server cannot be reached; your code is still in the editor."));

function flash(text) {
  const box = document.getElementById("flash");
  if (!box) return;
  box.textContent = text;
  box.hidden = false;
}

function enhance(root) {
  renderMath(root);
  drawCharts(root);
  for (const el of root.querySelectorAll("[data-clock]")) startClock(el);
}

// Attempt clocks: count down to a deadline (then the overtime), or count up against a budget.
function fmt(total) {
  const s = Math.abs(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

function startClock(el) {
  if (el.dataset.ticking) return;
  el.dataset.ticking = "1";
  const label = el.querySelector(".clock-time") || el;
  const deadline = el.dataset.deadline ? Date.parse(el.dataset.deadline) : null;
  const started = el.dataset.started ? Date.parse(el.dataset.started) : null;
  const budget = Number(el.dataset.budget || 0);
  const tick = () => {
    if (!document.body.contains(el)) return;
    if (deadline !== null) {
      const left = Math.round((deadline - Date.now()) / 1000);
      label.textContent = left >= 0 ? `${fmt(left)} left` : "time is up";
      el.classList.toggle("overtime", left < 0);
    } else if (started !== null) {
      const spent = Math.max(0, Math.round((Date.now() - started) / 1000));
      label.textContent = budget ? `${fmt(spent)} / ${fmt(budget)}` : fmt(spent);
      el.classList.toggle("overtime", budget > 0 && spent > budget);
    }
    setTimeout(tick, 1000);
  };
  tick();
}

// The first autosave starts a practice attempt: show its clock.
document.addEventListener("rounds:clock", (e) => {
  const holder = document.getElementById("clock-holder");
  if (!holder || !e.detail || holder.querySelector("[data-clock]")) return;
  const el = document.createElement("span");
  el.className = "clock";
  el.dataset.clock = "1";
  if (e.detail.deadline) el.dataset.deadline = e.detail.deadline;
  if (e.detail.started) el.dataset.started = e.detail.started;
  el.dataset.budget = String(e.detail.budget || 0);
  el.setAttribute("role", "timer");
  el.setAttribute("aria-label", "time spent in this attempt");
  const t = document.createElement("span");
  t.className = "clock-time";
  el.appendChild(t);
  holder.replaceChildren(el);
  startClock(el);
  const panel = document.querySelector(".start-panel");
  if (panel) panel.remove();
});

function setupThemeToggle() {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  const current = () => document.documentElement.dataset.theme ||
    (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  const label = () => {
    button.setAttribute("aria-pressed", String(current() === "dark"));
    button.textContent = current() === "dark" ? "Light theme" : "Dark theme";
  };
  label();
  button.addEventListener("click", () => {
    const next = current() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("rounds-theme", next);
    label();
    for (const c of document.querySelectorAll("canvas[data-drawn]")) { c.chart.destroy(); delete c.dataset.drawn; }
    drawCharts(document);
  });
}

function setupHideDifficulty() {
  const box = document.getElementById("hide-difficulty");
  if (!box) return;
  box.checked = document.documentElement.classList.contains("hide-difficulty");
  box.addEventListener("change", () => {
    document.documentElement.classList.toggle("hide-difficulty", box.checked);
    localStorage.setItem("rounds-hide-difficulty", box.checked ? "1" : "0");
  });
}

// The start panel asks for a level only when the mode is a drill.
function setupDrillLevel() {
  const mode = document.getElementById("start-mode");
  const box = document.getElementById("start-level-box");
  if (!mode || !box || mode.dataset.bound) return;
  mode.dataset.bound = "1";  // also called when a completed Submit swaps the panel in
  const sync = () => {
    const drill = mode.value === "drill";
    box.hidden = !drill;
    box.querySelector("select").disabled = !drill;
  };
  mode.addEventListener("change", sync);
  sync();
}

// A level just unlocked: its methods' stubs join the class in the editor (one undoable change).
async function addStubs(note) {
  const view = window.roundsEditor;
  const form = document.getElementById("solution-form");
  const url = document.getElementById("code")?.dataset.saveUrl?.replace(/\/code$/, "/stubs");
  if (!view || !form || !url) return;
  const body = new FormData();
  body.set("code", view.state.doc.toString());
  body.set("level", note.dataset.level);
  body.set("csrf_token", document.querySelector('meta[name="csrf-token"]').content);
  try {
    const r = await fetch(url, { method: "POST", body, credentials: "same-origin" });
    const data = r.ok ? await r.json() : null;
    if (!data || !data.code) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: data.code } });
    const said = document.createElement("span");
    said.className = "stubs-added";
    said.textContent = ` The stubs of level ${note.dataset.level}'s methods were added to your class (Ctrl+Z takes them out).`;
    note.appendChild(said);
  } catch {}
}

// A level just unlocked: bring its statement into view.
function showUnlockedLevel(root) {
  const note = root.querySelector && root.querySelector(".unlocked[data-level]:not([data-shown])");
  const statement = document.getElementById("statement");
  if (!note || !statement) return;
  note.dataset.shown = "1";
  const want = `Level ${note.dataset.level}:`;
  const heading = [...statement.querySelectorAll("h2")].find((h) => h.textContent.trim().startsWith(want));
  if (!heading) return;
  addStubs(note);
  heading.id = heading.id || `level-${note.dataset.level}`;
  heading.setAttribute("tabindex", "-1");
  // The statement box and the page both scroll so that the new level's heading is at the top.
  requestAnimationFrame(() => heading.scrollIntoView({ block: "start" }));
}

// A form that asks first (reset, editorial now): nothing happens unless the user says yes.
document.addEventListener("submit", (e) => {
  const form = e.target;
  const ask = form && form.dataset ? form.dataset.confirm : "";
  if (ask && !window.confirm(ask)) e.preventDefault();
});

// Choosing another attempt opens it.
function setupAttemptSwitch() {
  const select = document.getElementById("attempt-select");
  if (select) select.addEventListener("change", () => select.form.submit());
}

document.addEventListener("DOMContentLoaded", () => {
  setupAttemptSwitch();
  setupDrillLevel();
  const code = document.getElementById("code");
  if (code) mountEditor(code);
  const repo = document.getElementById("repo-files");
  if (repo) mountRepository(repo);
  globalShortcuts();
  setupThemeToggle();
  setupHideDifficulty();
  setupDesign();
  enhance(document);
});
document.addEventListener("htmx:afterSettle", (e) => enhance(e.detail.elt.parentElement || document));
// A new Run or Submit: bring its results into view (later polls leave the scroll alone).
document.addEventListener("htmx:afterSwap", (e) => {
  if (e.detail.target && e.detail.target.id === "results" && !e.detail.target.querySelector(".unlocked")) {
    e.detail.target.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
});
document.addEventListener("htmx:afterSettle", () => showUnlockedLevel(document.getElementById("results") || document));
document.addEventListener("htmx:afterSettle", () => setupDrillLevel());
