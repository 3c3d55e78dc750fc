/**
 * The preload: exposes exactly one object, `window.pumasi`, with one method per contract channel.
 * Each method only forwards its argument to `ipcRenderer.invoke(channel, input)`; the renderer
 * never sees ipcRenderer, events or channel names. Bundled into one CJS file because a sandboxed
 * preload can require nothing but 'electron'. It imports only the zod-free channel list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_METHODS, type IpcChannel } from '../shared/ipc/channels';
import type { PumasiBridge } from '../shared/ipc/contract';

export const BRIDGE_GLOBAL_NAME = 'pumasi';

export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

export function createBridge(invoke: Invoke): PumasiBridge {
  const bridge: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(IPC_METHODS) as IpcChannel[]) {
    // One argument only: extra arguments from the page are dropped, never forwarded.
    bridge[IPC_METHODS[channel]] = (input?: unknown) => invoke(channel, input);
  }
  // The method set is built from IPC_METHODS, so it matches PumasiBridge by construction.
  return Object.freeze(bridge) as unknown as PumasiBridge;
}

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL_NAME,
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
