import { describe, expect, it, vi } from 'vitest';
import {
  createIpcRegistry,
  IPC_CHANNELS,
  IPC_LIMITS,
  IPC_METHODS,
  ipcContract,
  IpcFailure,
  parseIpcInput,
  type IpcChannel,
  type IpcHandlerMap,
  type IpcListener,
} from '../../../shared/ipc';

/** A handler map whose handlers echo a marker, for registry tests. */
function echoHandlers(): IpcHandlerMap<{ origin: string }> {
  const map = {} as Record<IpcChannel, () => unknown>;
  for (const channel of IPC_CHANNELS) map[channel] = vi.fn(() => `value of ${channel}`);
  return map as unknown as IpcHandlerMap<{ origin: string }>;
}

function installInto(listeners: Map<string, IpcListener<{ origin: string }>>) {
  return (channel: string, listener: IpcListener<{ origin: string }>) => {
    listeners.set(channel, listener);
  };
}

const trusted = { authorize: (ctx: { origin: string }) => ctx.origin === 'app://pumasi' };

describe('IPC contract', () => {
  it('gives every channel a schema and a distinct bridge method', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...IPC_CHANNELS].sort());
    const methods = Object.values(IPC_METHODS);
    expect(new Set(methods).size).toBe(methods.length);
    for (const channel of IPC_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('accepts valid input and applies defaults', () => {
    const result = parseIpcInput('backup:write', { bytes: new Uint8Array([1]) });
    expect(result).toEqual({ ok: true, value: { bytes: new Uint8Array([1]), extension: 'json' } });
    expect(parseIpcInput('app:getInfo', undefined).ok).toBe(true);
  });

  it('rejects bad input with a Korean message', () => {
    const result = parseIpcInput('files:save', {
      defaultName: '../evil.txt',
      bytes: new Uint8Array(),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/요청 값이 올바르지 않습니다 \(defaultName\)/);
    }
    expect(parseIpcInput('files:save', { defaultName: 'a.csv', bytes: 'text' }).ok).toBe(false);
    expect(parseIpcInput('files:open', { filters: [], extra: true }).ok).toBe(false);
    expect(parseIpcInput('app:getInfo', { any: 1 }).ok).toBe(false);
    expect(parseIpcInput('backup:read', { fileName: '../../etc/passwd' }).ok).toBe(false);
  });

  it('answers TOO_LARGE for bytes over the limit', () => {
    const big = { byteLength: IPC_LIMITS.saveFileBytes + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype); // a huge array without allocating it
    const result = parseIpcInput('files:save', { defaultName: 'a.csv', bytes: big });
    expect(result.ok === false && result.error.code).toBe('TOO_LARGE');
  });
});

describe('createIpcRegistry', () => {
  it('registers every channel once and answers through the envelope', async () => {
    const listeners = new Map<string, IpcListener<{ origin: string }>>();
    const registry = createIpcRegistry(installInto(listeners), trusted);
    registry.registerAll(echoHandlers());
    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const answer = await listeners.get('app:getInfo')!({ origin: 'app://pumasi' }, undefined);
    expect(answer).toEqual({ ok: true, value: 'value of app:getInfo' });
  });

  it('throws on a duplicate or unknown channel', () => {
    const registry = createIpcRegistry(installInto(new Map()), trusted);
    registry.register('app:getInfo', () => ({}) as never);
    expect(() => registry.register('app:getInfo', () => ({}) as never)).toThrow(/twice/);
    expect(() => registry.register('app:nope' as IpcChannel, () => ({}) as never)).toThrow(
      /Unknown IPC channel/,
    );
    const withExtra = { ...echoHandlers(), 'shell:exec': () => 1 } as unknown as IpcHandlerMap<{
      origin: string;
    }>;
    expect(() => createIpcRegistry(installInto(new Map()), trusted).registerAll(withExtra)).toThrow(
      /Unknown IPC channel: shell:exec/,
    );
  });

  it('refuses an untrusted caller before running the handler', async () => {
    const listeners = new Map<string, IpcListener<{ origin: string }>>();
    const handlers = echoHandlers();
    createIpcRegistry(installInto(listeners), trusted).registerAll(handlers);
    const answer = await listeners.get('app:getInfo')!(
      { origin: 'https://evil.example' },
      undefined,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handlers['app:getInfo']).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN, not a rejected promise, when the sender check throws', async () => {
    const listeners = new Map<string, IpcListener<{ origin: string }>>();
    const handlers = echoHandlers();
    const authorize = () => {
      throw new TypeError("Cannot read properties of null (reading 'url')");
    };
    createIpcRegistry(installInto(listeners), { authorize }).registerAll(handlers);
    const answer = await listeners.get('app:getInfo')!({ origin: 'app://pumasi' }, undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handlers['app:getInfo']).not.toHaveBeenCalled();
  });

  it('lets files:open raise maxBytes up to the backup limit (restore), never above', () => {
    const restore = parseIpcInput('files:open', { maxBytes: IPC_LIMITS.backupBytes });
    expect(restore).toMatchObject({ ok: true, value: { maxBytes: IPC_LIMITS.backupBytes } });
    expect(IPC_LIMITS.backupBytes).toBeGreaterThan(IPC_LIMITS.openFileBytes);
    const above = parseIpcInput('files:open', { maxBytes: IPC_LIMITS.backupBytes + 1 });
    expect(above).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const maxBytes of [0, -1, 1.5]) {
      expect(parseIpcInput('files:open', { maxBytes }), String(maxBytes)).toMatchObject({
        ok: false,
      });
    }
  });

  it('validates input before running the handler', async () => {
    const listeners = new Map<string, IpcListener<{ origin: string }>>();
    const handlers = echoHandlers();
    createIpcRegistry(installInto(listeners), trusted).registerAll(handlers);
    const answer = await listeners.get('backup:read')!({ origin: 'app://pumasi' }, { fileName: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers['backup:read']).not.toHaveBeenCalled();
  });

  it('maps IpcFailure to its code and hides unexpected errors', async () => {
    const listeners = new Map<string, IpcListener<{ origin: string }>>();
    const onUnexpectedError = vi.fn();
    const registry = createIpcRegistry(installInto(listeners), { ...trusted, onUnexpectedError });
    registry.register('backup:list', () => {
      throw new IpcFailure('NOT_FOUND', '백업 폴더가 없습니다.');
    });
    registry.register('storage:info', () => {
      throw new Error('secret internal path /home/x');
    });
    const ctx = { origin: 'app://pumasi' };
    expect(await listeners.get('backup:list')!(ctx, undefined)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '백업 폴더가 없습니다.' },
    });
    const internal = await listeners.get('storage:info')!(ctx, undefined);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('/home/x');
    expect(onUnexpectedError).toHaveBeenCalledWith('storage:info', expect.any(Error));
  });
});
