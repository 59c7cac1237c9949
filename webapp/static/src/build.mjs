// Bundles the explorer's front end into webapp/static/dist (not committed): one script per page
// plus the CSS, all served by the Flask app itself so the explorer works offline.
import * as esbuild from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const src = dirname(fileURLToPath(import.meta.url));
const out = join(src, "..", "dist");
mkdirSync(out, { recursive: true });

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
});
writeFileSync(join(out, ".built"), new Date().toISOString() + "\n");
