/**
 * The only surface the page gets: `window.standalone`, one typed call over one IPC channel.
 * No logic here; the main process checks the sender and the services process parses the input.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { StandaloneBridge } from '../api';

// Same literal as CALL_CHANNEL in electron/main/ipc-guard.ts (the preload may not import main/).
const callChannel = 'standalone:call';

const bridge: StandaloneBridge = {
  transport: 'electron',
  call: (method, input) => ipcRenderer.invoke(callChannel, method, input),
};

contextBridge.exposeInMainWorld('standalone', bridge);
