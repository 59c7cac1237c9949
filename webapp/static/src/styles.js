// Node colours and shapes by entity type, edge colours by kind: ontology/kinds.json, the one
// vocabulary the back end reads too, bundled here by esbuild. Shared by the Cytoscape style sheet
// and the legend.
import VOCABULARY from "../../../ontology/kinds.json";

export const NODE_TYPES = VOCABULARY.entity_types;
export const EDGE_KINDS = VOCABULARY.edge_kinds;

export function cytoscapeStyle() {
  const style = [
    {
      selector: "node",
      style: {
        label: "data(short)", "font-size": 11, "font-family": "system-ui, sans-serif",
        color: "#111", "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap",
        "text-max-width": 120, "text-background-color": "#fff", "text-background-opacity": 0.85,
        "text-background-padding": 2, width: 26, height: 26, "border-width": 2, "border-color": "#fff",
        "min-zoomed-font-size": 7,     // labels too small to read are not drawn (cheap hub paint)
      },
    },
    { selector: "node[?focus]", style: { width: 40, height: 40, "border-color": "#111", "border-width": 3, "font-weight": "bold" } },
    { selector: "node.expanded", style: { "border-color": "#111" } },
    {
      selector: "node[type = 'more']",
      style: { "background-color": "#fff", "border-color": "#1f4e9c", "border-width": 2, "border-style": "dashed",
               color: "#1f4e9c", "text-valign": "center", "text-margin-y": 0, width: 110, height: 30, "font-weight": "bold" },
    },
    {
      selector: "edge",
      style: {
        width: 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        label: "data(label)", "font-size": 9, color: "#333", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
      },
    },
    // Many edges: their labels would only repeat the kind (the colour says it); drawn when selected.
    { selector: "edge.quiet", style: { label: "" } },
    { selector: "edge:selected", style: { label: "data(label)" } },
    { selector: "edge:selected", style: { width: 5, "underlay-color": "#ffbf00", "underlay-opacity": 0.6, "underlay-padding": 4 } },
    { selector: "node:selected", style: { "underlay-color": "#ffbf00", "underlay-opacity": 0.6, "underlay-padding": 6 } },
    // A highlighted path: its nodes and edges haloed, everything else faded.
    { selector: ".off-path", style: { opacity: 0.25 } },
    { selector: "node.on-path", style: { "underlay-color": "#e05a00", "underlay-opacity": 0.5, "underlay-padding": 9, "font-weight": "bold", "z-index": 10 } },
    { selector: "edge.on-path", style: { width: 5, label: "data(label)", "underlay-color": "#e05a00", "underlay-opacity": 0.5, "underlay-padding": 4, "z-index": 10 } },
  ];
  for (const [type, s] of Object.entries(NODE_TYPES)) {
    if (type === "more") continue;
    style.push({ selector: `node[type = '${type}']`, style: { "background-color": s.color, shape: s.shape } });
  }
  for (const [kind, s] of Object.entries(EDGE_KINDS)) {
    style.push({ selector: `edge[kind = '${kind}']`, style: { "line-color": s.color, "target-arrow-color": s.color, "line-style": s.style } });
  }
  return style;
}
