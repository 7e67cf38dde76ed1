// The part of unzipper 0.10's API the XLSX reader uses (the package ships no types).
declare module "unzipper" {
  import type { Readable } from "node:stream";
  export type CentralDirectoryFile = { readonly path: string; readonly type: "File" | "Directory"; stream(): Readable };
  export const Open: { file(path: string): Promise<{ readonly files: readonly CentralDirectoryFile[] }> };
}
