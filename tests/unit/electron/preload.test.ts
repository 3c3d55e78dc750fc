import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({
      ok: true,
      value: { channel, input },
    })),
    on: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { IPC_METHODS } from '../../../shared/ipc/channels';
import '../../../electron/preload';

// Captured at load: Vitest 5 clears mock calls before each test (clearMocks defaults to true).
const exposeCalls = [...electron.contextBridge.exposeInMainWorld.mock.calls];

function exposed(): { name: string; api: Record<string, unknown> } {
  expect(exposeCalls).toHaveLength(1);
  const [name, api] = exposeCalls[0]!;
  return { name: name as string, api: api as Record<string, unknown> };
}

describe('preload', () => {
  it('exposes exactly one object, window.pumasi, with only the contract methods', () => {
    const { name, api } = exposed();
    expect(name).toBe('pumasi');
    expect(Object.keys(api).sort()).toEqual(Object.values(IPC_METHODS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never hands out ipcRenderer or its functions', () => {
    const { api } = exposed();
    const values = Object.values(api);
    expect(values).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(values).not.toContain(fn);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('on');
    expect(api).not.toHaveProperty('send');
  });

  it.each(Object.entries(IPC_METHODS))('%s is invoked by pumasi.%s', async (channel, method) => {
    const { api } = exposed();
    electron.ipcRenderer.invoke.mockClear();
    const call = api[method] as (...args: unknown[]) => Promise<unknown>;
    const answer = await call({ some: 'input' }, 'an extra argument that must be dropped');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { some: 'input' });
    expect(answer).toEqual({ ok: true, value: { channel, input: { some: 'input' } } });
  });
});
