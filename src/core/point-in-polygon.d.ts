// Types of point-in-polygon (it ships none): is a point inside a ring of positions (ray casting)? Its nested-array
// form is imported directly: the package's index also bundles the flat-array form, which nothing here uses.
declare module 'point-in-polygon/nested.js' {
  export default function pointInPolygon(point: number[], ring: number[][]): boolean;
}
