import type { Plugin } from 'vite';

/** Build only: inlines the entry's stylesheet into index.html (scripts/inline-entry-css.mjs says why). */
export declare function inlineEntryCss(): Plugin;
