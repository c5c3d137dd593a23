export { runStoreContract } from './run-store-contract.ts';
export type { VitestApi } from './fixtures.ts';
