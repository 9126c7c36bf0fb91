// natural's deep import is typed in its package, but only through a path TypeScript cannot
// map from the ESM specifier; this re-exports the published declaration.
declare module 'natural/lib/natural/tfidf/index.js' {
  export { TfIdf } from 'natural/lib/natural/tfidf/index';
}
declare module 'natural/lib/natural/distance/index.js' {
  export { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index';
}
