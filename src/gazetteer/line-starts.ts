// Line offsets of a text: the gazetteer keeps each file as one string and finds its lines by offset
// (half a million line strings would cost load time, memory and garbage-collector time).

/**
 * Offset of each line of `text` from line `from` on, plus one past the last line's newline (so line k
 * is `text.slice(starts[k], starts[k + 1] - 1)`); a missing final newline is supplied.
 *
 * @example
 * lineStarts('a\nbc\n') // Int32Array [0, 2, 5]
 */
export function lineStarts(text: string, from = 0): Int32Array {
  let pos = 0;
  for (let k = 0; k < from && pos < text.length; k++) pos = nextLine(text, pos);
  const starts: number[] = [];
  while (pos < text.length) {
    starts.push(pos);
    pos = nextLine(text, pos);
  }
  starts.push(text.endsWith('\n') || !text.length ? text.length : text.length + 1);
  return Int32Array.from(starts);
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}
