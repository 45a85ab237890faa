/**
 * Python's notion of whitespace (str.isspace, and `\s` in its regular expressions), which differs
 * from JavaScript's `\s`: it takes the ASCII separators U+001C to U+001F and U+0085, and leaves
 * out U+FEFF. The reference backend cleans what people type with it.
 */
const WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const EVERY_WHITESPACE = new RegExp(`[${WHITESPACE}]`, 'g');
const AT_THE_ENDS = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, 'g');

/** `"".join(text.split())`: the text without any whitespace. */
export const withoutWhitespace = (text: string) => text.replace(EVERY_WHITESPACE, '');

/** `text.strip()`. */
export const pythonStrip = (text: string) => text.replace(AT_THE_ENDS, '');

/** `len(text)`: code points, where JavaScript's length counts UTF-16 units. */
export const pythonLength = (text: string) => Array.from(text).length;
