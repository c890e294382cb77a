// Behavioral practice: the take timer with its 60-120 s band, voice recording (MediaRecorder, sent with
// the take's form and kept on this machine), live word and filler counts, and the talk rehearsal timer.

const FILLERS = ["you know", "i mean", "sort of", "kind of", "you see", "um", "umm", "uh", "uhm", "er", "erm", "ah",
  "like", "basically", "actually", "literally", "honestly", "so yeah", "anyway"];

function fmt(total) {
  const s = Math.max(0, Math.floor(total));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function countFillers(text) {
  const words = (text.match(/[A-Za-z0-9']+/g) || []).map((w) => w.toLowerCase());
  let joined = ` ${words.join(" ")} `;
  let n = 0;
  for (const f of [...FILLERS].sort((a, b) => b.length - a.length)) {
    const parts = joined.split(` ${f} `);
    n += parts.length - 1;
    joined = parts.join(" | ");
  }
  return { words: words.length, fillers: n };
}

function setupTake() {
  const take = document.getElementById("take");
  const form = document.getElementById("delivery-form");
  if (!take || !form) return;
  const box = document.getElementById("take-timer");
  const time = document.getElementById("take-time");
  const band = document.getElementById("take-band");
  const duration = document.getElementById("duration");
  const start = document.getElementById("timer-start");
  const stop = document.getElementById("timer-stop");
  const recStart = document.getElementById("record-start");
  const recStop = document.getElementById("record-stop");
  const recStatus = document.getElementById("record-status");
  const file = document.getElementById("recording-file");
  const transcript = document.getElementById("transcript");
  const stats = document.getElementById("transcript-stats");
  const lo = Number(box.dataset.lo || 60);
  const hi = Number(box.dataset.hi || 120);
  let startedAt = null;
  let timer = null;
  let recorder = null;
  let chunks = [];
  let stream = null;

  const elapsed = () => (startedAt === null ? 0 : (Date.now() - startedAt) / 1000);
  const show = () => {
    const s = elapsed();
    time.textContent = fmt(s);
    const where = s < lo ? "short" : s <= hi ? "in" : "over";
    band.dataset.band = where;
    band.textContent = where === "short" ? `under ${lo} s` : where === "in" ? "in the band" : `over ${hi} s`;
    box.classList.toggle("overtime", where === "over");
  };
  const begin = () => {
    if (startedAt !== null) return;
    startedAt = Date.now();
    start.disabled = true;
    stop.disabled = false;
    show();
    timer = setInterval(show, 250);
  };
  const end = () => {
    if (startedAt === null) return;
    clearInterval(timer);
    show();
    duration.value = elapsed().toFixed(1);
    startedAt = null;
    start.disabled = false;
    start.textContent = "Start again";
    stop.disabled = true;
  };
  start.addEventListener("click", () => { duration.value = ""; begin(); });
  stop.addEventListener("click", () => { end(); if (recorder && recorder.state === "recording") recorder.stop(); });

  if (!window.MediaRecorder || !navigator.mediaDevices) {
    recStart.disabled = true;
    recStatus.textContent = "This browser cannot record; type your answer instead.";
  }
  recStart.addEventListener("click", async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      recStatus.textContent = `The microphone is not available (${err.name}); type your answer instead.`;
      return;
    }
    chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.addEventListener("dataavailable", (e) => { if (e.data && e.data.size) chunks.push(e.data); });
    recorder.addEventListener("stop", () => {
      for (const t of stream.getTracks()) t.stop();
      const type = (recorder.mimeType || "audio/webm").split(";")[0];
      const blob = new Blob(chunks, { type });
      const ext = type.includes("ogg") ? "ogg" : type.includes("mp4") ? "m4a" : "webm";
      const dt = new DataTransfer();
      dt.items.add(new File([blob], `take.${ext}`, { type }));
      file.files = dt.files;
      recStatus.textContent = `Recording ready (${fmt(Number(duration.value || 0))}, ${Math.ceil(blob.size / 1024)} KB): save the take to keep it.`;
      recStatus.dataset.ready = "1";
      recStart.disabled = false;
      recStop.disabled = true;
    });
    recorder.start(250);
    recStart.disabled = true;
    recStop.disabled = false;
    recStatus.textContent = "Recording…";
    const spoken = document.getElementById("spoken");
    if (spoken) spoken.checked = true;
    recStatus.dataset.ready = "";
    duration.value = "";
    if (startedAt === null) begin();
  });
  recStop.addEventListener("click", () => {
    end();
    if (recorder && recorder.state === "recording") recorder.stop();
  });

  if (transcript && stats) {
    const count = () => {
      const c = countFillers(transcript.value);
      stats.textContent = c.words ? `${c.words} words, about ${fmt((c.words / 150) * 60)} spoken, ${c.fillers} filler word${c.fillers === 1 ? "" : "s"}` : "";
    };
    transcript.addEventListener("input", count);
    transcript.addEventListener("input", () => { if (startedAt === null && !duration.value) begin(); }, { once: true });
  }
  form.addEventListener("submit", (e) => {
    if (startedAt !== null) end();
    if (recorder && recorder.state === "recording") {
      // Let the recorder hand over its last piece, then send the form with the file.
      e.preventDefault();
      recorder.addEventListener("stop", () => form.requestSubmit(), { once: true });
      recorder.stop();
    }
  });
}

function setupRehearsal() {
  const root = document.getElementById("rehearsal");
  if (!root) return;
  const rows = [...root.querySelectorAll("tbody tr")];
  const total = document.getElementById("rehearse-total");
  const slideTime = document.getElementById("rehearse-slide");
  const budget = document.getElementById("rehearse-budget");
  const index = document.getElementById("rehearse-index");
  const start = document.getElementById("rehearse-start");
  const next = document.getElementById("rehearse-next");
  const stop = document.getElementById("rehearse-stop");
  const limit = Number(root.dataset.total || 0);
  let began = null;
  let slideBegan = null;
  let current = 0;
  let timer = null;
  const tick = () => {
    const now = Date.now();
    const all = (now - began) / 1000;
    const one = (now - slideBegan) / 1000;
    total.textContent = fmt(all);
    slideTime.textContent = fmt(one);
    total.parentElement.classList.toggle("overtime", all > limit);
    const row = rows[current];
    if (row) row.classList.toggle("overtime", one > Number(row.dataset.seconds || 0));
  };
  const close = () => {
    const row = rows[current];
    if (!row) return;
    const took = (Date.now() - slideBegan) / 1000;
    const cell = row.querySelector(".took");
    cell.textContent = fmt(took) + (took > Number(row.dataset.seconds || 0) ? " (over)" : "");
    row.dataset.took = took.toFixed(1);
  };
  const focus = () => {
    const row = rows[current];
    index.textContent = String(current + 1);
    budget.textContent = row ? fmt(Number(row.dataset.seconds || 0)) : "0:00";
    for (const r of rows) r.removeAttribute("aria-current");
    if (row) row.setAttribute("aria-current", "step");
  };
  start.addEventListener("click", () => {
    began = slideBegan = Date.now();
    current = 0;
    for (const r of rows) { r.querySelector(".took").textContent = ""; delete r.dataset.took; }
    focus();
    clearInterval(timer);
    timer = setInterval(tick, 250);
    tick();
    start.disabled = true;
    next.disabled = false;
    stop.disabled = false;
  });
  next.addEventListener("click", () => {
    close();
    current += 1;
    slideBegan = Date.now();
    if (current >= rows.length) { stop.click(); return; }
    focus();
  });
  const form = document.getElementById("rehearse-form");
  const save = () => {
    // The rehearsal is saved: one `took` a slide in order (empty: not reached), then the self-assessment.
    if (!form || !rows.some((r) => r.dataset.took !== undefined)) return;
    for (const old of form.querySelectorAll("input[name=took]")) old.remove();
    for (const r of rows) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "took";
      input.value = r.dataset.took ?? "";
      form.appendChild(input);
    }
    const saving = document.getElementById("rehearse-saving");
    if (saving) saving.hidden = false;
    start.disabled = true;
    form.submit();
  };
  stop.addEventListener("click", () => {
    if (current < rows.length) close();
    clearInterval(timer);
    start.disabled = false;
    start.textContent = "Start again";
    next.disabled = true;
    stop.disabled = true;
    save();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupTake();
  setupRehearsal();
});
