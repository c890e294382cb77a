import katex from "katex";

// Statements carry maths as escaped TeX in span.math (rendered on the server from Markdown).
export function renderMath(root) {
  for (const el of root.querySelectorAll("span.math:not([data-rendered])")) {
    const tex = el.textContent;
    try {
      katex.render(tex, el, { displayMode: el.classList.contains("math-display"), throwOnError: false, output: "htmlAndMathml" });
      el.dataset.rendered = "1";
      el.setAttribute("title", tex);
    } catch {
      el.textContent = tex;
    }
  }
}
