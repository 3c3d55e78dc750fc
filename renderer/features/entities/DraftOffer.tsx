/**
 * The banner offering a draft left by this tab (a reload or crash) or by a tab that is gone:
 * when it was kept, and which fields changed elsewhere since the typing started.
 */
import type { EntityDef, Lang } from '../../../shared/registry';
import { Button } from '../../ui';
import { formatDateTime } from './display';
import type { EntitiesT } from './messages';

export interface DraftOfferProps {
  entity: EntityDef;
  savedAt: string;
  /** fields whose stored value changed since the draft's typing started */
  changedSince: readonly string[];
  lang: Lang;
  t: EntitiesT;
  onRestore: () => void;
  onDiscard: () => void;
}

export function DraftOffer({
  entity,
  savedAt,
  changedSince,
  lang,
  t,
  onRestore,
  onDiscard,
}: DraftOfferProps) {
  const labels = changedSince.map(
    (key) => entity.fields.find((f) => f.key === key)?.label[lang] ?? key,
  );
  return (
    <div className="ef-confirm" role="status" data-testid="draft-offer">
      <span>
        {t('draft.offer', { time: formatDateTime(savedAt) })}
        {labels.length > 0 && (
          <span data-testid="draft-changed-since">
            {' '}
            {t('draft.changedSince', { fields: labels.join(', ') })}
          </span>
        )}
      </span>
      <Button variant="primary" data-testid="draft-restore" onClick={onRestore}>
        {t('draft.restore')}
      </Button>
      <Button data-testid="draft-discard" onClick={onDiscard}>
        {t('draft.discard')}
      </Button>
    </div>
  );
}
