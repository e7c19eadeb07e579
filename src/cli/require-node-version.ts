// Refuses, before anything else runs, a Node.js older than the one the CLI's libraries need (issue #16's
// decoders: html-encoding-sniffer and @exodus/bytes, also html-to-text, need 20.19 / 22.12): one line saying which
// version to install, exit 1, instead of a stack trace from deep inside a library. Imported first by main.ts.

/** package.json's `engines.node`, as the versions it admits; test/cli/require-node-version.test.ts keeps them equal. */
export const NODE_ENGINES = '^20.19.0 || ^22.12.0 || >=24.0.0';

/**
 * Why `version` (as in process.versions.node) cannot run the CLI, or null when it can.
 *
 * @example
 * nodeVersionProblem('20.11.1') // 'article-atlas needs Node.js 20.19 or later (…); this is Node.js 20.11.1. …'
 * nodeVersionProblem('22.12.0') // null
 */
export function nodeVersionProblem(version: string): string | null {
  const [major, minor] = version.split('.').map(Number);
  const ok = major === 20 ? minor >= 19 : major === 22 ? minor >= 12 : major >= 24;
  if (ok) return null;
  return (
    `article-atlas needs Node.js 20.19 or later (20.19+, 22.12+ or 24+); this is Node.js ${version}. ` +
    'Install a current Node.js LTS from https://nodejs.org and run it again.'
  );
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`article-atlas: ${problem}\n`);
  process.exit(1);
}
