/**
 * 충돌함: each field this device lost to a concurrent write — both values, which won and why —
 * and "내 값 다시 적용" (renderer/sync/conflicts.ts: a new change through mutate()).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  entityByName,
  type EntityDef,
  type EntityName,
  type StoredRecord,
} from '../../../shared/registry';
import { Button } from '../../ui';
import { showToast } from '../../ui/toast';
import { useLang } from '../../i18n';
import { getDb, queryConflicts, type ConflictRow } from '../../db';
import { distinctConflicts, reapplyMine } from '../../sync/conflicts';
import { fieldText, recordTitle } from '../entities/display';
import { useSyncT } from './messages';

const entityOf = (name: string): EntityDef | undefined =>
  Object.hasOwn(entityByName, name) ? entityByName[name as EntityName] : undefined;

async function loadInbox() {
  const db = getDb();
  const rows = distinctConflicts(await queryConflicts(db));
  const records = await Promise.all(
    rows.map(async (r) => {
      const def = entityOf(r.entity);
      return def
        ? ((await db.table(def.table).get(r.recordId)) as StoredRecord | undefined)
        : undefined;
    }),
  );
  return rows.map((row, i) => ({ row, record: records[i] }));
}

export function ConflictInbox() {
  const t = useSyncT();
  const lang = useLang();
  const items = useLiveQuery(loadInbox, []);
  const ctx = { lang, titles: undefined };

  const show = (def: EntityDef | undefined, field: string, value: unknown) => {
    const f = def?.fields.find((x) => x.key === field);
    if (value === null || value === undefined || value === '') return '—';
    return f ? fieldText(f, value, ctx) || String(value) : String(value);
  };

  async function onReapply(row: ConflictRow) {
    const r = await reapplyMine(getDb(), row);
    showToast(
      r.ok
        ? { message: t('inbox.reapplied'), tone: 'success' }
        : { message: t('inbox.reapplyFailed', { message: r.message }), tone: 'error' },
    );
  }

  return (
    <section className="sync-panel" data-testid="sync-inbox" aria-labelledby="sync-inbox-title">
      <h2 id="sync-inbox-title">{t('inbox.title')}</h2>
      {items === undefined ? null : items.length === 0 ? (
        <p className="hint">{t('inbox.empty')}</p>
      ) : (
        <table className="sync-table">
          <thead>
            <tr>
              <th>{t('inbox.record')}</th>
              <th>{t('inbox.field')}</th>
              <th>{t('inbox.mine')}</th>
              <th>{t('inbox.theirs')}</th>
              <th>{t('inbox.why')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map(({ row, record }) => {
              const def = entityOf(row.entity);
              const field = def?.fields.find((f) => f.key === row.field);
              return (
                <tr key={row.id} data-testid="sync-conflict">
                  <td>
                    {def?.label[lang] ?? row.entity} ·{' '}
                    {def && record ? recordTitle(def, record, lang) : row.recordId}
                  </td>
                  <td>{field?.label[lang] ?? row.field}</td>
                  <td data-testid="conflict-mine">{show(def, row.field, row.lostValue)}</td>
                  <td data-testid="conflict-theirs">{show(def, row.field, row.wonValue)}</td>
                  <td>{t(`why.${row.why}`)}</td>
                  <td>
                    <Button onClick={() => void onReapply(row)} data-testid="conflict-reapply">
                      {t('inbox.reapply')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
