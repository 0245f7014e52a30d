import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../shared/ipc/channel';
import type { InvokeFn } from '../shared/ipc/contract';

/** The renderer gets exactly one function. No ipcRenderer, no events, no Node. */
const invoke: InvokeFn = (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input);

contextBridge.exposeInMainWorld('kpr', { invoke });
