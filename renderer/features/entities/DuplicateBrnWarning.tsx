/**
 * Under a 사업자등록번호 field: another organisation already holding the number is named and
 * linked. A warning, not an error — the user decides (the same company opened twice, or a number
 * mistyped in the other record); a save is never blocked by it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { formatBrn, isValidBrn } from '../../../shared/korean/ids';
import { getEntity, type Lang } from '../../../shared/registry';
import { entityTable, getDb } from '../../db';
import { toHash } from '../../routing/route';
import { recordTitle } from './display';
import { useEntitiesT } from './messages';

export function DuplicateBrnWarning(p: {
  value: unknown;
  recordId: string | undefined;
  lang: Lang;
}) {
  const t = useEntitiesT();
  const brn = typeof p.value === 'string' && isValidBrn(p.value) ? formatBrn(p.value) : null;
  const others = useLiveQuery(async () => {
    if (!brn) return [];
    const rows = await entityTable(getDb(), 'organization').where('brn').equals(brn).toArray();
    return rows.filter((r) => r.id !== p.recordId && r.deleted !== 1);
  }, [brn, p.recordId]);
  if (!others || others.length === 0) return null;
  const organization = getEntity('organization');
  return (
    <div className="ef-warning" role="status" data-testid="brn-duplicate">
      <p>
        {t('brn.duplicate')}{' '}
        {others.map((o, i) => (
          <span key={o.id}>
            {i > 0 && ', '}
            <a href={toHash(organization.path, [o.id])}>{recordTitle(organization, o, p.lang)}</a>
          </span>
        ))}
      </p>
      <p className="hint">{t('brn.duplicateHint')}</p>
    </div>
  );
}
