// Bundles the browser code into the Python package's static folder (no CDN at run time).
import * as esbuild from "esbuild";
import { rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, "../../src/rounds/web/static/dist");
const watch = process.argv.includes("--watch");

rmSync(outdir, { recursive: true, force: true });

const options = {
  entryPoints: {
    app: resolve(here, "src/main.js"),
    theme: resolve(here, "src/theme.js"),
    style: resolve(here, "src/style.css"),
    mermaid: resolve(here, "src/mermaid.js"), // the design page loads it on demand
  },
  outdir,
  bundle: true,
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
  assetNames: "fonts/[name]-[hash]",
  legalComments: "linked",
  logLevel: "info",
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
