import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController,
  LineElement, PointElement, Tooltip);

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
