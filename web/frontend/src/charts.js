import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from "chart.js";
import { color } from "chart.js/helpers";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip, MatrixController, MatrixElement);

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// The practice calendar: one square per day, a column per week, darker for more submissions.
function heatmap(canvas, spec, c) {
  const top = Math.max(1, spec.max);
  return new Chart(canvas, {
    type: "matrix",
    data: {
      datasets: [{
        label: "submissions",
        data: spec.points,
        backgroundColor: (ctx) => {
          const v = ctx.raw ? ctx.raw.v : 0;
          return v ? color(c.good).alpha(0.25 + 0.75 * (v / top)).rgbString() : color(c.grid).alpha(0.35).rgbString();
        },
        borderColor: c.grid,
        borderWidth: 1,
        width: ({ chart }) => Math.max(2, (chart.chartArea || { width: 0 }).width / spec.weeks - 2),
        height: ({ chart }) => Math.max(2, (chart.chartArea || { height: 0 }).height / 7 - 2),
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: () => "", label: (ctx) => `${ctx.raw.d}: ${ctx.raw.v} submission${ctx.raw.v === 1 ? "" : "s"}` } },
      },
      scales: {
        x: { type: "linear", min: -0.5, max: spec.weeks - 0.5, offset: false, grid: { display: false },
             afterBuildTicks: (scale) => { scale.ticks = Object.keys(spec.months).map((k) => ({ value: Number(k) })); },
             ticks: { color: c.text, autoSkip: false, maxRotation: 0, callback: (v) => spec.months[v] || "" } },
        y: { type: "linear", min: -0.5, max: 6.5, reverse: true, offset: false, grid: { display: false },
             afterBuildTicks: (scale) => { scale.ticks = [1, 3, 5].map((v) => ({ value: v })); },
             ticks: { color: c.text, callback: (v) => WEEKDAYS[v] || "" } },
      },
    },
  });
}

function colours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name) => css.getPropertyValue(name).trim();
  return { text: v("--fg"), grid: v("--border"), accent: v("--accent"), good: v("--ok"), bad: v("--bad"), warn: v("--warn"), muted: v("--muted") };
}

// Each <canvas data-chart="id"> draws the JSON held in <script type="application/json" id="id">.
export function drawCharts(root) {
  for (const canvas of root.querySelectorAll("canvas[data-chart]:not([data-drawn])")) {
    const src = document.getElementById(canvas.dataset.chart);
    if (!src) continue;
    const spec = JSON.parse(src.textContent);
    const c = colours();
    if (spec.type === "matrix") {
      canvas.chart = heatmap(canvas, spec, c);
      canvas.dataset.drawn = "1";
      continue;
    }
    const palette = [c.accent, c.good, c.warn, c.bad, c.muted];
    const datasets = spec.datasets.map((d, i) => ({
      ...d,
      backgroundColor: d.colour ? c[d.colour] || d.colour : palette[i % palette.length],
      borderColor: d.colour ? c[d.colour] || d.colour : palette[i % palette.length],
    }));
    const chart = new Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.horizontal ? "y" : "x",
        plugins: { legend: { labels: { color: c.text } } },
        scales: {
          x: { stacked: !!spec.stacked, ticks: { color: c.text }, grid: { color: c.grid } },
          y: { stacked: !!spec.stacked, beginAtZero: true, grid: { color: c.grid },
               ticks: { color: c.text, precision: spec.integer ? 0 : undefined },
               title: spec.yLabel ? { display: true, text: spec.yLabel, color: c.text } : undefined },
        },
      },
    });
    canvas.dataset.drawn = "1";
    canvas.chart = chart;
  }
}
