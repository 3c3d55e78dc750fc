/** Endpoint + token, 저장, 연결 시험, 연결 지우기 — with the demo-data guard before saving. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button, Dialog } from '../../ui';
import { showToast } from '../../ui/toast';
import {
  clearConnection,
  removeDemoAndSync,
  saveConnection,
  testConnection,
  useSyncStore,
} from '../../sync/runtime';
import type { ConnectionTestResult } from '../../sync/connectionTest';
import { hasDemoData } from '../../sync/demoGuard';
import { getDb } from '../../db';
import { errorText, skewText, useSyncT, type SyncT } from './messages';

function testText(t: SyncT, r: ConnectionTestResult): string {
  if (r.kind === 'ok') return t('test.ok', { skew: skewText(r.skewMs) });
  const detail = errorText(t, r.code);
  return t(
    r.kind === 'unreachable' ? 'test.unreachable' : r.kind === 'auth' ? 'test.auth' : 'test.failed',
    {
      detail,
    },
  );
}

export function ConnectionPanel() {
  const t = useSyncT();
  const ids = { endpoint: useId(), token: useId() };
  const connection = useSyncStore((s) => s.connection);
  const [endpoint, setEndpoint] = useState('');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [askDemo, setAskDemo] = useState(false);

  // Show the stored endpoint once it is known (the field stays the user's afterwards).
  useEffect(() => {
    if (connection?.endpoint) setEndpoint((e) => e || (connection.endpoint as string));
  }, [connection?.endpoint]);

  const fail = (message: string) => setResult({ ok: false, text: message });

  async function save() {
    setBusy(true);
    try {
      await saveConnection(endpoint, token || undefined);
      setToken('');
      setResult({ ok: true, text: t('conn.saved') });
      if (await hasDemoData(getDb())) setAskDemo(true);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  async function onTest() {
    if (!token && !connection?.hasToken) return fail(t('test.noToken'));
    setBusy(true);
    setResult({ ok: true, text: t('test.running') });
    try {
      const r = await testConnection(endpoint, token || undefined);
      setResult({ ok: r.kind === 'ok', text: testText(t, r) });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function onRemoveDemo() {
    setAskDemo(false);
    const n = await removeDemoAndSync();
    showToast({ message: t('demo.removed', { n }), tone: 'success' });
  }

  const storageNote =
    connection?.tokenStorage === 'safeStorage'
      ? t('conn.storage.safeStorage')
      : t('conn.storage.indexeddb');

  return (
    <form className="sync-panel" onSubmit={(e) => void onSubmit(e)} data-testid="sync-connection">
      <h2>{t('conn.title')}</h2>
      <div className="setting">
        <label htmlFor={ids.endpoint}>{t('conn.endpoint')}</label>
        <input
          id={ids.endpoint}
          data-testid="sync-endpoint"
          type="url"
          inputMode="url"
          placeholder="https://sync.example.kr"
          value={endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="setting">
        <label htmlFor={ids.token}>
          {t('conn.token')} {connection?.hasToken ? t('conn.tokenStored') : ''}
        </label>
        <input
          id={ids.token}
          data-testid="sync-token"
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
        />
        <p className="hint">{storageNote}</p>
      </div>
      <div className="sync-actions">
        <Button
          type="submit"
          variant="primary"
          disabled={busy || !endpoint}
          data-testid="sync-save"
        >
          {t('conn.save')}
        </Button>
        <Button
          type="button"
          disabled={busy || !endpoint}
          onClick={() => void onTest()}
          data-testid="sync-test"
        >
          {t('conn.test')}
        </Button>
        {connection?.endpoint && (
          <Button
            type="button"
            variant="ghost"
            onClick={() => void clearConnection()}
            data-testid="sync-clear"
          >
            {t('conn.clear')}
          </Button>
        )}
      </div>
      {result && (
        <p
          role="status"
          className={result.ok ? 'hint' : 'error-text'}
          data-testid="sync-test-result"
        >
          {result.text}
        </p>
      )}
      {askDemo && (
        <Dialog
          title={t('demo.title')}
          placement="center"
          onRequestClose={() => setAskDemo(false)}
          data-testid="sync-demo-guard"
          footer={
            <>
              <Button
                variant="danger"
                onClick={() => void onRemoveDemo()}
                data-testid="sync-demo-remove"
              >
                {t('demo.remove')}
              </Button>
              <Button onClick={() => setAskDemo(false)}>{t('demo.cancel')}</Button>
            </>
          }
        >
          <p>{t('demo.body')}</p>
        </Dialog>
      )}
    </form>
  );
}
