// `build -o` into the folder of an earlier build: the earlier explorer's files that the new one does not have (its
// chunks, named by their content) are removed, as its manifest lists them; nothing else in the folder is touched.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSite, copySite } from '../../src/cli/build-site.ts';
import { exportLayer } from '../helpers/export-layer.ts';

/** A built explorer in `dir` with these files besides index.html, and its manifest. */
function explorer(dir: string, files: string[]): string {
  mkdirSync(dir, { recursive: true });
  const all = ['index.html', ...files].sort();
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<div id="app"></div>\n');
  for (const f of files) writeFileSync(join(dir, f), `// ${f}\n`);
  writeFileSync(join(dir, 'site-files.json'), JSON.stringify({ files: all }));
  return dir;
}

test("a build over an earlier one removes the earlier explorer's files it does not have, and only those", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aa-build-site-'));
  try {
    const v1 = explorer(join(dir, 'v1'), ['app.js', 'chunk-OLD.js', 'story.txt']);
    const v2 = explorer(join(dir, 'v2'), ['app.js', 'chunk-NEW.js']);
    const out = join(dir, 'out');
    await buildSite(exportLayer(), out, { siteDir: v1 });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    assert.ok(existsSync(join(out, 'chunk-OLD.js')));

    // Built again from story.txt, a file the earlier explorer's manifest names: the article stays.
    await buildSite(exportLayer(), out, { siteDir: v2, input: join(out, 'story.txt') });
    assert.ok(!existsSync(join(out, 'chunk-OLD.js')), 'the old chunk is gone');
    for (const f of ['chunk-NEW.js', 'app.js', 'index.html', 'layer.geojson', 'notes.txt', 'story.txt'])
      assert.ok(existsSync(join(out, f)), f);
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'site-files.json'), 'utf8')).files, [
      'app.js',
      'chunk-NEW.js',
      'index.html',
    ]);

    // The story map's copy does the same.
    copySite(out, v1);
    assert.ok(existsSync(join(out, 'chunk-OLD.js')) && !existsSync(join(out, 'chunk-NEW.js')));
    assert.ok(existsSync(join(out, 'notes.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
