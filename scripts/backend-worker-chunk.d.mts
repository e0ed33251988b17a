import type { Plugin } from 'vite';

/** The backend's worker as a chunk of the page's build (scripts/backend-worker-chunk.mjs says why). */
export declare function backendWorkerChunk(): Plugin;
