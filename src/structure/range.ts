/** Half-open ranges of view offsets, and paragraphs: what every structure module speaks in. */
export interface Range { readonly start: number; readonly end: number }

export interface Paragraph extends Range { readonly index: number }
