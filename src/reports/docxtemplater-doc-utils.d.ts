/** docxtemplater's own text → WordprocessingML escaping (js/doc-utils.js), which its {tag}s use; not in its typings. */
declare module "docxtemplater/js/doc-utils.js" {
  export function utf8ToWord(text: string): string;
}
