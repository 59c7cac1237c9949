// Node colours and shapes by entity type, edge colours by fact kind. Shared by the Cytoscape
// style sheet and the legend; colours keep at least 4.5:1 against white for text and 3:1 for shapes.
export const NODE_TYPES = {
  company: { color: "#1f4e9c", shape: "round-rectangle", label: "Company" },
  agency: { color: "#7a3b00", shape: "hexagon", label: "Agency" },
  organization: { color: "#5b3a8c", shape: "round-hexagon", label: "Organization" },
  award: { color: "#a3192e", shape: "star", label: "Award" },
  standard: { color: "#0b6b5e", shape: "diamond", label: "Standard" },
  index: { color: "#8a5a00", shape: "triangle", label: "Index" },
  initiative: { color: "#2e6b1f", shape: "round-triangle", label: "Initiative" },
  program: { color: "#4a5566", shape: "ellipse", label: "Program" },
  metric: { color: "#6b2f5b", shape: "vee", label: "Metric" },
  place: { color: "#006080", shape: "round-tag", label: "Place" },
  document: { color: "#333333", shape: "rectangle", label: "Document" },
  entity: { color: "#555555", shape: "ellipse", label: "Other" },
  more: { color: "#ffffff", shape: "round-rectangle", label: "More neighbours" },
};

export const EDGE_KINDS = {
  award: { color: "#a3192e", style: "solid" },
  certification: { color: "#0b6b5e", style: "solid" },
  membership: { color: "#5b3a8c", style: "solid" },
  index_inclusion: { color: "#8a5a00", style: "solid" },
  standard_adoption: { color: "#0b6b5e", style: "dashed" },
  program: { color: "#4a5566", style: "solid" },
  part_of: { color: "#7a3b00", style: "dashed" },
  located_in: { color: "#006080", style: "dotted" },
  metric: { color: "#6b2f5b", style: "dotted" },
  conferred_by: { color: "#7a3b00", style: "dotted" },
  program_location: { color: "#006080", style: "dotted" },
  mentions: { color: "#888888", style: "dotted" },
};

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
