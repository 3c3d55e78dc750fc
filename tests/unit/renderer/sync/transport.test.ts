import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { browserConnectionStore } from '../../../../renderer/sync/connection';
import {
  createTransport,
  fetchHttp,
  normalizeEndpoint,
  SyncHttpError,
} from '../../../../renderer/sync/transport';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('sync transport', () => {
  it('sends the token only on authenticated calls, never cookies', async () => {
    const fetchFn = vi.fn(async () => answer(200, { ok: true, serverTime: 5 }));
    const t = createTransport(
      fetchHttp('http://127.0.0.1:9', 'tok', fetchFn as unknown as typeof fetch),
    );
    expect(await t.health()).toMatchObject({ serverTime: 5 });
    await t.checkAuth();
    const [health, auth] = fetchFn.mock.calls as unknown as Array<[string, RequestInit]>;
    expect(health?.[0]).toBe('http://127.0.0.1:9/health');
    expect((health?.[1].headers as Record<string, string>)['authorization']).toBeUndefined();
    expect((auth?.[1].headers as Record<string, string>)['authorization']).toBe('Bearer tok');
    expect(auth?.[1].credentials).toBe('omit');
  });

  it('maps error answers to their code, Retry-After to ms, and a dead line to `network`', async () => {
    const limited = createTransport(
      fetchHttp('http://h', 't', (async () =>
        answer(
          429,
          { error: 'rate_limited', message: '너무 많은 요청' },
          { 'retry-after': '7' },
        )) as unknown as typeof fetch),
    );
    await expect(limited.checkAuth()).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 7_000,
    });
    const dead = createTransport(
      fetchHttp('http://h', 't', (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch),
    );
    await expect(dead.health()).rejects.toMatchObject({ code: 'network', status: null });
    const odd = createTransport(
      fetchHttp('http://h', 't', (async () => answer(200, '<html>')) as unknown as typeof fetch),
    );
    await expect(odd.health()).rejects.toBeInstanceOf(SyncHttpError);
    await expect(odd.health()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('accepts only http(s) endpoints without credentials, query or fragment', () => {
    expect(normalizeEndpoint(' https://sync.example.kr/api/ ')).toBe('https://sync.example.kr/api');
    expect(normalizeEndpoint('http://127.0.0.1:4790')).toBe('http://127.0.0.1:4790');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://x',
      'https://u:p@x',
      'https://x/?a=1',
      '서버',
      '',
    ]) {
      expect(normalizeEndpoint(bad), bad).toBeNull();
    }
  });
});

describe('browser connection store', () => {
  it('keeps endpoint and token in its own IndexedDB database, not the app database', async () => {
    const store = browserConnectionStore('conn-test-1');
    expect(await store.read()).toEqual({
      endpoint: null,
      hasToken: false,
      tokenStorage: 'indexeddb',
    });
    expect(await store.http()).toBeNull();
    await expect(store.save('ftp://x', 't')).rejects.toThrow(/http/);
    expect(await store.save('http://127.0.0.1:4790/', 'tok')).toMatchObject({
      endpoint: 'http://127.0.0.1:4790',
      hasToken: true,
    });
    // a save without a token keeps the stored one
    expect(await store.save('http://127.0.0.1:4791')).toMatchObject({ hasToken: true });
    expect(await store.http()).not.toBeNull();
    expect(await store.clear()).toMatchObject({ endpoint: null, hasToken: false });
  });
});
