// build.mjs turns `import css from './x.css?inline'` into the minified stylesheet as a string (issue #5).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
