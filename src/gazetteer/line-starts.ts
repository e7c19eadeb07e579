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
  let first = 0;
  for (let k = 0; k < from && first < text.length; k++) first = nextLine(text, first);
  // Written into a typed array that doubles when full: growing a plain array of half a million offsets
  // allocated it several times over, fresh memory that each page fault made slow; counting the lines in a
  // pass of their own first cost as much again in look-ups for newlines (~60 M instructions at load).
  let starts = new Int32Array(1024);
  let count = 0;
  for (let pos = first; pos < text.length; pos = nextLine(text, pos)) {
    if (count + 1 >= starts.length) {
      const bigger = new Int32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = pos;
  }
  starts[count] = text.endsWith('\n') || !text.length ? text.length : text.length + 1;
  return starts.subarray(0, count + 1);
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}
