/** The URL of the backend's worker script (scripts/backend-worker-chunk.mjs makes it). */
declare module 'virtual:backend-worker-url' {
  const url: string;
  export default url;
}
