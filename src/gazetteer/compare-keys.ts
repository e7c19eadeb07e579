// The order of the name index's keys, shared by its writer and its reader.

/**
 * The writer's order of keys: by Unicode code point, which is also the order of their UTF-8 bytes.
 * It differs from JavaScript's string order (by UTF-16 code unit) only where a character beyond
 * U+FFFF (a surrogate pair) meets one from U+E000 on.
 *
 * @example
 * ['b', 'a'].sort(compareKeys) // ['a', 'b']
 */
export function compareKeys(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = a.charCodeAt(i);
    const k = b.charCodeAt(i);
    if (c !== k) return codePointOrder(c) - codePointOrder(k);
  }
  return a.length - b.length;
}

/** A UTF-16 code unit, moved so that units compare as their code points do: surrogates after U+E000–U+FFFF. */
export function codePointOrder(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
