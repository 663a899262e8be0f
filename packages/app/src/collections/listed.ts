/** Document numbers in a sentence: all of up to three, else the first two and how many more ("A, B (+3)", in any language). */
export const listed = (numbers: readonly string[]): string =>
  numbers.length <= 3 ? numbers.join(', ') : `${numbers.slice(0, 2).join(', ')} (+${numbers.length - 2})`;
