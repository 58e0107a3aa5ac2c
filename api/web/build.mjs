// Bundles the workspace (src/main.ts) and the local GraphiQL (src/graphiql.tsx) with esbuild
// into dist/, which the app serves: dist/index.html, dist/graphiql.html, dist/assets/*.
// Nothing in dist/ is loaded from the internet; fonts and icons are inlined.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, "assets"), { recursive: true });
await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: "src/main.ts", graphiql: "src/graphiql.tsx" },
  outdir: join(dist, "assets"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  define: { "process.env.NODE_ENV": '"production"' },
  loader: { ".woff2": "dataurl", ".woff": "dataurl", ".svg": "dataurl" },
  legalComments: "none",
  logLevel: "warning",
});
await copyFile(join(here, "src", "index.html"), join(dist, "index.html"));
await copyFile(join(here, "src", "graphiql.html"), join(dist, "graphiql.html"));
await writeFile(join(dist, "BUILT"), `${new Date().toISOString()}\n`);
