// web3.storage 4.5.5 ships its types in dist/src/lib.d.ts, but its `exports` map sends TypeScript
// (moduleResolution "Bundler") to src/lib.js, which has none beside it: point the module at them.
declare module 'web3.storage' {
  type Lib = typeof import('../../node_modules/web3.storage/dist/src/lib');
  export const Web3Storage: Lib['Web3Storage'];
  export type Web3Storage = InstanceType<Lib['Web3Storage']>;
  export const File: Lib['File'];
}
