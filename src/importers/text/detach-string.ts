/**
 * A copy of `text` that does not keep a larger string alive. V8 represents `slice` results as views into
 * their parent, so a municipality name cut from a 1 MiB chunk of a CSV file keeps that whole chunk in
 * memory for as long as the name is kept (a cache entry, a cell's subject). Prepending a character and
 * slicing it off again makes V8 flatten the text into a new string of its own length.
 */
export function detachString(text: string): string {
  return (" " + text).slice(1);
}
