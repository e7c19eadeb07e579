// Builds everything with esbuild: the CLI and library for Node (dist/cli.js, dist/index.js) and the
// explorer for the browser (dist/site/). Prints the gzip size of every browser artifact and fails when
// a first-load budget is exceeded (issue #4: explorer JS ≤ 58 KB gzip, CSS ≤ 5 KB gzip; issue #5: the embed
// script with its inlined CSS ≤ 60 KB gzip, and the same for the iframe page's scripts and CSS).
import { build, transform } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  copyFileSync,
  cpSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { makeBasemap, splitBasemap } from './geo/lib/make-basemap.mjs';
import { makeCountryNames } from './geo/lib/make-country-names.mjs';
import { listTree } from './src/cli/list-tree.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const FIRST_LOAD_BUDGETS = [
  { name: 'explorer js', files: ['app.js'], kb: 58 },
  { name: 'explorer css', files: ['app.css'], kb: 5 },
  { name: 'embed element', files: ['article-atlas.js'], kb: 60 },
  { name: 'embed iframe', files: ['article-atlas.js', 'embed-frame.js'], kb: 60 },
];

/** `import css from './x.css?inline'`: the file minified, as a string (the shadow root's stylesheet). */
const inlineCss = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: join(args.resolveDir, args.path.slice(0, -'?inline'.length)),
      namespace: 'inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/**
 * Leaflet's GeoJSON layer imports Marker (with its icons and drag handler) only for its default
 * pointToLayer, which the map replaces with circle markers, and Circle only to give it a toGeoJSON the widget
 * never calls: stubs with the one static method GeoJSON.js calls at load keep ~2.5 KB gzip out of every bundle
 * (issues #14 and #18, 60 KB embed budget; test/ui/leaflet-parts.test.ts guards both).
 */
const noDefaultMarker = {
  name: 'no-default-marker',
  setup(b) {
    b.onResolve({ filter: /^\.\/(marker\/Marker|vector\/Circle)$/ }, (args) =>
      /leaflet[\\/]src[\\/]layer[\\/]GeoJSON\.js$/.test(args.importer)
        ? { path: args.path.split('/').pop(), namespace: 'no-default-marker' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-default-marker' }, (args) => ({
      contents: `export class ${args.path} { static include() {} }`,
      loader: 'js',
    }));
  },
};

/**
 * Leaflet's SVG renderer imports its VML fallback (Internet Explorer 8 and older), used only when
 * `Browser.vml`, which no browser the layout supports has: a stub keeps ~0.7 KB gzip out of every bundle
 * (60 KB embed budget; test/ui/leaflet-parts.test.ts guards the two names SVG.js takes from it).
 */
const noVml = {
  name: 'no-vml',
  setup(b) {
    b.onResolve({ filter: /^\.\/SVG\.VML$/ }, (args) =>
      /leaflet[\\/]src[\\/]layer[\\/]vector[\\/]SVG\.js$/.test(args.importer)
        ? { path: 'vml', namespace: 'no-vml' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-vml' }, () => ({
      contents: 'export const vmlMixin = {}; export const vmlCreate = undefined;',
      loader: 'js',
    }));
  },
};

/**
 * point-in-polygon ships CommonJS, and a CommonJS module makes esbuild add its interop helpers to a bundle that
 * has no other: reading its one `module.exports = function` as `export default function` keeps ~0.2 KB gzip out
 * of every bundle (60 KB embed budget). The build stops if the file no longer has that line.
 */
const esmPointInPolygon = {
  name: 'esm-point-in-polygon',
  setup(b) {
    b.onLoad({ filter: /point-in-polygon[\\/]nested\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/^module\.exports = function/m.test(source)) throw new Error(`${args.path}: no "module.exports = function"`);
      return { contents: source.replace(/^module\.exports = function/m, 'export default function'), loader: 'js' };
    });
  },
};

/**
 * For the embed, a lazy module it cannot load as a chunk: `import('…/NAME.ts')` gives `contents` instead.
 * @example stubLazy('choose-focus', 'export const chooseFocus = () => undefined;')
 */
const stubLazy = (name, contents) => ({
  name: `no-lazy-${name}`,
  setup(b) {
    b.onResolve({ filter: new RegExp(`${name}\\.ts$`) }, (args) =>
      args.kind === 'dynamic-import' ? { path: name, namespace: `no-lazy-${name}` } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: `no-lazy-${name}` }, () => ({ contents, loader: 'js' }));
  },
});

/** For the embed, a module put in place of another: `…/FROM.ts` resolves to `to` (a path from the root). */
const swapModule = (from, to) => ({
  name: `swap-${from}`,
  setup(b) {
    b.onResolve({ filter: new RegExp(`/${from}\\.ts$`) }, () => ({ path: join(process.cwd(), to) }));
  },
});

/** For the embed: `import('…/choose-focus.ts')` gives a chooseFocus that chooses nothing. */
const noLazyFocus = stubLazy('choose-focus', 'export const chooseFocus = () => undefined;');

/**
 * The embed's view-label-point.ts (polylabel and turf's bboxClip, 1.7 KB gzip) is a classic script of its own,
 * article-atlas-view-points.js, that load-view-points-script.ts adds to the page when an area the article is about
 * has its label point out of view (60 KB budget).
 */
const viewPointsScript = swapModule('load-view-label-point', 'src/ui/map/load-view-points-script.ts');

/**
 * The embed's classic script cannot load chunks: Leaflet's tile layer (4 KB gzip) is a classic script of its own,
 * article-atlas-tiles.js, that load-tiles-script.ts adds to the page when a map is given tiles (60 KB budget).
 */
const tilesScript = swapModule('load-tile-layer', 'src/ui/map/load-tiles-script.ts');

/**
 * For article-atlas-tiles.js: GridLayer and TileLayer extend the embed script's Leaflet (one Layer class, one
 * DomUtil); their imports of Leaflet's core read what load-tiles-script.ts puts in `__articleAtlasLeaflet`.
 */
const leafletFromEmbed = {
  name: 'leaflet-from-embed',
  setup(b) {
    const shared =
      /^\.\.\/(?:\.\.\/)?(?:core\/(Browser|Util)|dom\/(DomEvent|DomUtil)|geo\/(LatLngBounds)|geometry\/(Bounds|Point)|(Layer))$/;
    b.onResolve({ filter: shared }, (args) =>
      /[\\/]layer[\\/]tile[\\/]/.test(args.importer)
        ? { path: shared.exec(args.path).slice(1).find(Boolean), namespace: 'leaflet-from-embed' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'leaflet-from-embed' }, (args) => ({
      contents: `module.exports = { __esModule: true, ...globalThis.__articleAtlasLeaflet[${JSON.stringify(args.path)}] };`,
      loader: 'js',
    }));
  },
};

/**
 * For the embed: the story map's code (issue #18) is a classic script of its own, added to the page when a
 * collection arrives (src/ui/embed/load-story-script.ts), instead of a chunk a classic script cannot import.
 */
const storyScript = swapModule('load-story-parts', 'src/ui/embed/load-story-script.ts');

/**
 * For article-atlas-story.js: Preact, its hooks and signals are the embed script's own (one instance of each,
 * or the story's components would not render in the embed's tree); load-story-script.ts lists what it shares.
 */
const sharedFromEmbed = {
  name: 'shared-from-embed',
  setup(b) {
    b.onResolve({ filter: /^(preact\/hooks|preact\/jsx-runtime|@preact\/signals|preact)$/ }, (args) => ({
      path: args.path,
      namespace: 'shared-from-embed',
    }));
    b.onLoad({ filter: /.*/, namespace: 'shared-from-embed' }, (args) => ({
      contents: `module.exports = globalThis.__articleAtlasShared[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/**
 * For article-atlas-story.js: the KML and CSV writers (papaparse, tokml: ~10 KB gzip) stay out of the embed's story
 * script, which hides their buttons (story.css); a classic script would inline the explorer's lazy chunks.
 */
const noFlatExports = {
  name: 'no-flat-exports',
  setup(b) {
    b.onResolve({ filter: /\/export\/layer-to-(kml|csv)\.ts$/ }, (args) => ({
      path: args.path.split('/').pop(),
      namespace: 'no-flat-exports',
    }));
    b.onLoad({ filter: /.*/, namespace: 'no-flat-exports' }, () => ({
      contents: `const no = () => { throw new Error('KML and CSV are downloaded from the explorer'); };
        export { no as layerToKml, no as layerToCsv };`,
      loader: 'js',
    }));
  },
};

/**
 * `import … from 'leaflet'` in the browser bundles: src/ui/map/leaflet-parts.js, the parts of Leaflet's ES module
 * sources the widget uses (issue #4 budget: the whole ESM build was ~7 KB gzip more). A plugin, not `alias`,
 * so that `leaflet/src/…` inside that file still resolves to the package.
 */
const leafletParts = {
  name: 'leaflet-parts',
  setup: (b) =>
    b.onResolve({ filter: /^leaflet$/ }, (args) => ({
      // The tile layer is a lazy chunk of its own (src/ui/map/tile-layer.ts).
      path: /[\\/]tile-layer\.ts$/.test(args.importer)
        ? join(process.cwd(), 'node_modules/leaflet/src/layer/tile/TileLayer.js')
        : join(process.cwd(), 'src/ui/map/leaflet-parts.js'),
    })),
};

/**
 * Merges the chunks an ESM entry imports statically into the entry itself (issue #14, places first): esbuild puts
 * the code an entry shares with its lazy chunks (Preact, Leaflet, the model…) into chunks of their own, each one
 * more request before the entry can run, though nothing can load a lazy chunk before the entry has run. The entry
 * is bundled again with those chunks inside, re-exporting what they exported under `c<i>_<name>`, and every other
 * chunk imports those names from the entry instead: one instance of each module, as before (a second Preact would
 * break hooks), and the lazy chunks stay lazy.
 */
async function mergeFirstLoadChunks(dir, entry, chunks, options) {
  if (!chunks.length) return;
  const exported = new Map();
  const reexports = chunks.map((chunk, i) => {
    const list = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(readFileSync(join(dir, chunk), 'utf8'))?.[1] ?? '';
    const names = list
      .split(',')
      .map((s) =>
        s
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      )
      .filter(Boolean);
    exported.set(chunk, new Map(names.map((n) => [n, `c${i}_${n}`])));
    return `export { ${names.map((n) => `${n} as ${exported.get(chunk).get(n)}`).join(', ')} } from './${chunk}';`;
  });
  const local = new Set([entry, ...chunks]);
  const { outputFiles } = await build({
    ...options,
    entryPoints: undefined,
    outdir: undefined,
    splitting: false,
    stdin: {
      contents: `import './${entry}';\n${reexports.join('\n')}\n`,
      resolveDir: dir,
      sourcefile: '(merged first-load chunks)',
    },
    format: 'esm',
    write: false,
    outfile: join(dir, entry),
    banner: { js: '//# allFunctionsCalledOnLoad' },
    // Every other file of the folder (the lazy chunks' dynamic imports) stays a file of its own.
    plugins: [
      {
        name: 'lazy-chunks-external',
        setup: (b) =>
          b.onResolve({ filter: /^\.\/[\w.-]+\.js$/ }, (args) =>
            local.has(args.path.slice(2)) ? undefined : { path: args.path, external: true },
          ),
      },
    ],
  });
  writeFileSync(join(dir, entry), outputFiles[0].contents);
  for (const chunk of chunks) rmSync(join(dir, chunk));
  // The other chunks take those names from the entry.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== entry)) {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    const rewritten = source
      .replace(/import\s*\{([^}]*)\}\s*from\s*"\.\/([\w-]+\.js)"/g, (all, list, chunk) => {
        const names = exported.get(chunk);
        if (!names) return all;
        const specs = list.split(',').map((s) => {
          const [name, as = name] = s.trim().split(/\s+as\s+/);
          if (!names.has(name)) throw new Error(`build: ${file} imports ${name}, which ${chunk} does not export`);
          return `${names.get(name)} as ${as}`;
        });
        return `import{${specs.join(',')}}from"./${entry}"`;
      })
      .replace(/import\s*"\.\/([\w-]+\.js)"/g, (all, chunk) => (exported.has(chunk) ? `import"./${entry}"` : all));
    if (chunks.some((c) => rewritten.includes(`"./${c}"`)))
      throw new Error(`build: ${file} still refers to a merged chunk`);
    if (rewritten !== source) writeFileSync(path, rewritten);
  }
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
// Splitting: the HTML and Markdown readers (most of the command's code) are a chunk of their own, so a
// command that does not read markup starts without parsing them.
await build({
  ...node,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: '#!/usr/bin/env node\n' + node.banner.js },
});
await build({ ...node, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });

// The browser explorer (issue #4) and the embeds (issue #5), when their entries exist.
const sizes = [];
if (existsSync('src/ui/main.tsx')) {
  mkdirSync('dist/site', { recursive: true });
  const browser = {
    outdir: 'dist/site',
    bundle: true,
    minifyWhitespace: true,
    minifySyntax: true,
    // AA_NAMES=1 keeps the names, for reading a CPU profile (test/bench/explorer-trace.mjs --profile).
    minifyIdentifiers: !process.env.AA_NAMES,
    // ES2022 (class fields as written): every browser with container queries, which the layout needs, has it.
    target: ['es2022'],
    platform: 'browser',
    sourcemap: false,
    define: { __VERSION__: JSON.stringify(pkg.version) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    loader: { '.css': 'css' },
    plugins: [inlineCss, leafletParts, noDefaultMarker, noVml, esmPointInPolygon],
  };
  // Splitting: the explorer's file validator (issue #6) is a lazy chunk, loaded when a file is opened.
  // The banner is V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every
  // function with the script, off the main thread while it streams, instead of on its first call: the
  // first click on a place runs many functions for the first time (issue #4; test/bench/README.md).
  const compileHint = { js: '//# allFunctionsCalledOnLoad' };
  const { metafile: appMeta } = await build({
    ...browser,
    entryPoints: { app: 'src/ui/main.tsx' },
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    banner: compileHint,
    metafile: true,
  });
  // The embed script is classic (IIFE) so a plain <script src> loads it from any host without CORS.
  // A classic script cannot load chunks, so the embed leaves out chooseFocus (issue #14): every layer the CLI
  // writes carries its `focus`, and a layer without one is framed whole, as before (60 KB budget).
  await build({
    ...browser,
    entryPoints: { 'article-atlas': 'src/ui/embed/main.ts' },
    format: 'iife',
    banner: compileHint,
    plugins: [...browser.plugins, noLazyFocus, viewPointsScript, storyScript, tilesScript],
  });
  await build({
    ...browser,
    entryPoints: { 'article-atlas-story': 'src/ui/story-parts.ts' },
    format: 'iife',
    globalName: '__articleAtlasStory',
    plugins: [...browser.plugins, sharedFromEmbed, noFlatExports],
  });
  await build({
    ...browser,
    entryPoints: { 'article-atlas-tiles': 'src/ui/map/tile-layer.ts' },
    format: 'iife',
    globalName: '__articleAtlasTiles',
    plugins: [...browser.plugins, leafletFromEmbed],
  });
  await build({
    ...browser,
    entryPoints: { 'article-atlas-view-points': 'src/ui/map/view-label-point.ts' },
    format: 'iife',
    globalName: '__articleAtlasViewPoints',
  });
  await build({ ...browser, entryPoints: { 'embed-frame': 'src/ui/embed/frame-main.ts' }, format: 'esm' });
  // The basemap's index and one file per cell (issue #14: a first view fetches the few cells it shows).
  const basemap = splitBasemap(makeBasemap());
  mkdirSync('dist/site/basemap', { recursive: true });
  for (const [name, json] of basemap.files) writeFileSync(join('dist/site', name), json);
  writeFileSync('dist/site/basemap.json', JSON.stringify({ ...basemap.index, countryNames: makeCountryNames() }));
  if (existsSync('public'))
    for (const f of readdirSync('public')) copyFileSync(join('public', f), join('dist/site', f));
  // The chunks app.js imports (code it shares with a lazy chunk) are merged into app.js (issue #14: the first
  // load was app.js and 5 chunks, 7 requests before the places could be drawn against the bare page's 2).
  const early = new Set();
  const follow = (file) => {
    for (const { path, kind } of appMeta.outputs[file]?.imports ?? [])
      if (kind === 'import-statement' && !early.has(path)) early.add(path) && follow(path);
  };
  follow('dist/site/app.js');
  await mergeFirstLoadChunks(
    'dist/site',
    'app.js',
    [...early].map((f) => f.split('/').pop()),
    browser,
  );
  // The site's own file list (issue #17): a browser cannot list a folder, so the explorer's "Download site
  // (.zip)" fetches the files this names (format: src/export/README.md).
  writeFileSync('dist/site/site-files.json', JSON.stringify({ files: listTree('dist/site').sort() }) + '\n');
  const gzipOf = {};
  for (const f of readdirSync('dist/site')) {
    const p = join('dist/site', f);
    if (!statSync(p).isFile()) continue;
    const raw = readFileSync(p);
    gzipOf[f] = gzipSync(raw, { level: 9 }).length;
    sizes.push(
      `${f.padEnd(28)} ${(raw.length / 1024).toFixed(1).padStart(8)} KB  ${(gzipOf[f] / 1024).toFixed(1).padStart(7)} KB gzip`,
    );
  }
  // A budget is for everything a page loads before it can draw (data files — layer, basemap — aside).
  let over = false;
  for (const budget of FIRST_LOAD_BUDGETS) {
    const { name, kb } = budget;
    // The chunks an entry imports statically load with it (code split off for a lazy chunk, e.g. issue #17's
    // review, leaves what it shares with the entry in such a chunk): they count too.
    const files = [...budget.files];
    for (let i = 0; i < files.length; i++)
      for (const [, chunk] of readFileSync(join('dist/site', files[i]), 'utf8').matchAll(
        /\b(?:from|import)"\.\/(chunk-[\w-]+\.js)"/g,
      ))
        if (!files.includes(chunk)) files.push(chunk);
    const gz = files.reduce((sum, f) => sum + (gzipOf[f] ?? 0), 0);
    const bad = gz > kb * 1024;
    over ||= bad;
    sizes.push(
      `first-load ${name.padEnd(17)} ${''.padStart(11)}  ${(gz / 1024).toFixed(1).padStart(7)} KB gzip  (budget ${kb} KB${bad ? ', OVER' : ''}: ${files.join(' + ')})`,
    );
  }
  console.log('dist/site:\n  ' + sizes.join('\n  '));
  if (over && !process.env.AA_NAMES) {
    console.error('build: a browser artifact is over its gzip budget');
    process.exit(1);
  }
  // The studio (issue #17): its page and Web Worker (ESM; the worker loads the markup readers as a chunk), the
  // gazetteer and model gzipped under content-hashed names with a manifest, and the built explorer in site/.
  // Its code is a bundle of its own: the explorer's and the embeds' budgets above do not see it.
  if (existsSync('src/ui/studio/studio-main.tsx')) {
    const out = 'dist/studio';
    await build({
      ...browser,
      outdir: out,
      entryPoints: { studio: 'src/ui/studio/studio-main.tsx', 'studio-worker': 'src/ui/studio/studio-worker.ts' },
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    });
    copyFileSync('src/ui/studio/studio.html', join(out, 'index.html'));
    // A static studio's session: none (no token, so no fetch endpoint); `article-atlas studio` writes its own.
    writeFileSync(join(out, 'session.json'), '{}\n');
    mkdirSync(join(out, 'gazetteer'), { recursive: true });
    // gzip -6 of the 25 MB takes seconds, so each file's gzip is kept by its content hash between builds.
    const cacheDir = 'node_modules/.cache/article-atlas-studio';
    mkdirSync(cacheDir, { recursive: true });
    const files = {};
    for (const [key, name] of [
      ['places', 'places.tsv'],
      ['names', 'names.tsv'],
      ['shapes', 'shapes.topo.json'],
      ['model', 'model.json'],
    ]) {
      const raw = readFileSync(join('geo/data', name));
      const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
      const cached = join(cacheDir, `${hash}.gz`);
      if (!existsSync(cached)) writeFileSync(cached, gzipSync(raw, { level: 6 }));
      const url = name.replace(/\.(\w+)$/, `.${hash}.$1.gz`);
      copyFileSync(cached, join(out, 'gazetteer', url));
      files[key] = { url, bytes: statSync(cached).size };
    }
    writeFileSync(join(out, 'gazetteer/manifest.json'), JSON.stringify({ files }, null, 2) + '\n');
    cpSync('dist/site', join(out, 'site'), { recursive: true });
    const lines = [];
    const list = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? [] : [join(dir, f)]));
    for (const p of [...list(out), ...list(join(out, 'chunks')), ...list(join(out, 'gazetteer'))]) {
      const raw = readFileSync(p);
      const gz = p.endsWith('.gz') ? raw.length : gzipSync(raw, { level: 9 }).length;
      lines.push(
        `${p.slice(out.length + 1).padEnd(44)} ${(raw.length / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`,
      );
    }
    console.log('dist/studio (site/ is dist/site):\n  ' + lines.join('\n  '));
  }
}

console.log('build: ok');
