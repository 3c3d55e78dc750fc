/** Reads the server's truth through its own API (hq token: every record), not through the proxy. */
import type { FaultConflict } from '../../renderer/bench/faultsApi';
import type { RecordChange } from '../../shared/sync/protocol';

async function getJson<T>(url: string, token: string): Promise<T> {
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The whole change log, oldest first. */
export async function pullAll(serverUrl: string, hqToken: string): Promise<RecordChange[]> {
  const all: RecordChange[] = [];
  let after = '0';
  for (;;) {
    const page = await getJson<{ changes: RecordChange[]; cursor: string; hasMore: boolean }>(
      `${serverUrl}/v1/sync/pull?after=${after}&limit=1000`,
      hqToken,
    );
    all.push(...page.changes);
    after = page.cursor;
    if (!page.hasMore) return all;
  }
}

/** Every conflict the server stored for `deviceId`. */
export async function conflictsOf(
  serverUrl: string,
  hqToken: string,
  deviceId: string,
): Promise<FaultConflict[]> {
  const all: FaultConflict[] = [];
  let after = '0';
  for (;;) {
    const page = await getJson<{
      conflicts: Array<{ id: string; field: string; lostHlc: string; wonHlc: string }>;
      cursor: string | number;
      hasMore: boolean;
    }>(
      `${serverUrl}/v1/sync/conflicts?deviceId=${encodeURIComponent(deviceId)}&after=${after}&limit=1000`,
      hqToken,
    );
    for (const c of page.conflicts) {
      all.push({ recordId: c.id, field: c.field, lostHlc: c.lostHlc, wonHlc: c.wonHlc });
    }
    after = String(page.cursor);
    if (!page.hasMore) return all;
  }
}
