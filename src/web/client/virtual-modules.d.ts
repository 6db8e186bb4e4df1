/** Modules the asset build (src/web/build-assets.ts) makes up. */
declare module 'virtual:ide-examples' {
  const examples: Array<{ file: string; query: string }>;
  export default examples;
}
