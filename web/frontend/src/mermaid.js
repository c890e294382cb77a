// The Mermaid renderer, bundled as its own entry: only the design session page loads it, on demand.
import mermaid from "mermaid";

window.roundsMermaid = mermaid;
document.dispatchEvent(new CustomEvent("rounds:mermaid"));
