// Types of point-in-polygon (it ships none): is a point inside a ring of positions (ray casting)?
declare module 'point-in-polygon' {
  export default function pointInPolygon(point: number[], ring: number[][]): boolean;
}
