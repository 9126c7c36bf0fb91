/** The one error type the library throws on purpose. The CLI prints `message` on one line. */
export type ShijiErrorCode =
  | 'missing' | 'not-a-file' | 'empty' | 'binary' | 'undecodable' | 'too-large' | 'unsupported'
  | 'dictionary' | 'usage' | 'nothing-read';

export class ShijiError extends Error {
  readonly code: ShijiErrorCode;
  readonly path: string | undefined;
  constructor(code: ShijiErrorCode, message: string, path?: string) {
    super(path === undefined ? message : `${path}: ${message}`);
    this.name = 'ShijiError';
    this.code = code;
    this.path = path;
  }
}
