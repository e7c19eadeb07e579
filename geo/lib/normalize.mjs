// Re-exports the project's single name normalisation for the .mjs build steps (loaded through tsx).
export { normalizeName } from '../../src/core/normalize-name.ts';
