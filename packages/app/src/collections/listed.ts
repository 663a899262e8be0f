/** Document numbers in a sentence: all of up to three, else the first two and how many more. */
export const listed = (numbers: readonly string[]): string =>
  numbers.length <= 3 ? numbers.join(', ') : `${numbers.slice(0, 2).join(', ')} and ${numbers.length - 2} more`;
