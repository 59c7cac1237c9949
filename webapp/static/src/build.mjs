// Bundles the explorer's front end into webapp/static/dist (not committed): one script per page
// plus the CSS, all served by the Flask app itself so the explorer works offline.
import * as esbuild from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const src = dirname(fileURLToPath(import.meta.url));
const out = join(src, "..", "dist");
const kindsFile = join(src, "..", "..", "..", "ontology", "kinds.json");
mkdirSync(out, { recursive: true });

// The swatch colours of every entity type and edge kind, as CSS from ontology/kinds.json, so a
// new kind gets its swatch from its one vocabulary entry (explorer.css imports "esgkg:kinds.css").
const kindsCss = {
  name: "kinds-css",
  setup(build) {
    build.onResolve({ filter: /^esgkg:kinds\.css$/ }, (args) => ({ path: args.path, namespace: "kinds" }));
    build.onLoad({ filter: /.*/, namespace: "kinds" }, () => {
      const vocabulary = JSON.parse(readFileSync(kindsFile, "utf8"));
      const rules = [
        ...Object.entries(vocabulary.entity_types).map(([type, s]) => `.type-${type}, .swatch.type-${type} { background: ${s.color}; }`),
        ...Object.entries(vocabulary.edge_kinds).map(([kind, s]) => `.swatch.kind-${kind} { background: ${s.color}; }`),
      ];
      return { contents: rules.join("\n"), loader: "css", watchFiles: [kindsFile] };
    });
  },
};

await esbuild.build({
  entryPoints: {
    home: join(src, "home.js"),
    graph: join(src, "graph.js"),
    doc: join(src, "doc.js"),
    query: join(src, "query.js"),
    resource: join(src, "resource.js"),
    facts: join(src, "facts.js"),
    compare: join(src, "compare.js"),
    upload: join(src, "upload.js"),
    curation: join(src, "curation.js"),
    explorer: join(src, "explorer.css"),
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".eot": "file", ".svg": "file", ".png": "file" },
  logLevel: "warning",
  plugins: [kindsCss],
});
writeFileSync(join(out, ".built"), new Date().toISOString() + "\n");
