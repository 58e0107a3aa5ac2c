// Cytoscape with the dagre tree layout, registered once; the live instance is exposed on
// window.relgraph for the end-to-end tests.
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";

cytoscape.use(dagre);

export { cytoscape };
export type Core = cytoscape.Core;

/** A floating tooltip inside `host`, shown at the pointer. */
export function tooltip(host: HTMLElement): { show: (text: string, x: number, y: number) => void; hide: () => void } {
  const tip = document.createElement("div");
  tip.className = "tooltip";
  tip.hidden = true;
  host.append(tip);
  return {
    show(text, x, y) {
      tip.textContent = text;
      tip.style.left = `${x + 12}px`;
      tip.style.top = `${y + 12}px`;
      tip.hidden = false;
    },
    hide() {
      tip.hidden = true;
    },
  };
}
