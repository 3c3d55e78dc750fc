/** Small helpers of the record form: its save key and the undo of a delete. */
import type { KeyboardEvent } from 'react';
import type { EntityDef, Lang } from '../../../shared/registry';
import { getDb, mutate } from '../../db';
import { showToast } from '../../ui';
import type { EntitiesT } from './messages';

export function isSaveKey(e: KeyboardEvent): boolean {
  // `code` too: with the Korean IME in 한글 mode the S key reports `ㄴ`.
  return (
    (e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 's' || e.code === 'KeyS')
  );
}

export function undoDelete(entity: EntityDef, id: string, lang: Lang, t: EntitiesT) {
  return async () => {
    const r = await mutate(getDb(), [{ entity: entity.name, op: 'restore', id }], { lang });
    if (r.ok) showToast({ message: t('form.restored'), tone: 'success' });
    else
      showToast({
        message: t('form.saveFailed', { message: r.errors[0]?.message ?? '' }),
        tone: 'error',
      });
  };
}
