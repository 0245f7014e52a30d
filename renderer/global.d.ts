import type { InvokeFn } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the test harness bridge. Nothing else crosses. */
    kpr: { invoke: InvokeFn };
  }
}
export {};
