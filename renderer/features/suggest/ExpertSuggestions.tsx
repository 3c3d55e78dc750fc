/**
 * The top five experts for a difficulty, each with the reasons it was suggested and a "배정"
 * button that adds the expert to the difficulty's 매칭 전문가 through mutate(). Reusable: the
 * difficulty form mounts it, and the desk board (issue 7) can too — it needs only the id.
 */
import { useState } from 'react';
import type { ExpertSuggestion } from '../../../shared/suggest';
import { getDb, mutate, queryRecord } from '../../db';
import { useLang } from '../../i18n';
import { Button, showToast } from '../../ui';
import { useSuggestT } from './messages';
import { useExpertSuggestions } from './useExpertSuggestions';
import './suggest.css';

export interface ExpertSuggestionsProps {
  difficultyId: string;
}

/** Adds `expertId` to the difficulty's expertIds, expecting the list it read (no lost update). */
export async function assignExpert(difficultyId: string, expertId: string, lang: 'ko' | 'en') {
  const db = getDb();
  const current = await queryRecord(db, 'difficulty', difficultyId);
  const before = Array.isArray(current?.['expertIds']) ? (current['expertIds'] as string[]) : [];
  if (before.includes(expertId)) return { ok: true as const };
  return mutate(
    db,
    [
      {
        entity: 'difficulty',
        op: 'update',
        id: difficultyId,
        values: { expertIds: [...before, expertId] },
        expect: { expertIds: current?.['expertIds'] ?? null },
      },
    ],
    { lang },
  );
}

export function ExpertSuggestions({ difficultyId }: ExpertSuggestionsProps) {
  const t = useSuggestT();
  const lang = useLang();
  const suggestions = useExpertSuggestions(difficultyId);
  const [busy, setBusy] = useState<string | null>(null);

  const assign = async (s: ExpertSuggestion) => {
    setBusy(s.expertId);
    try {
      const result = await assignExpert(difficultyId, s.expertId, lang);
      if (result.ok) showToast({ message: t('assigned', { name: s.name }), tone: 'success' });
      else {
        const message = result.errors.map((e) => e.message).join(' ');
        showToast({ message: t('assignFailed', { message }), tone: 'error' });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="suggest" data-testid="expert-suggestions" aria-label={t('title')}>
      <h3 className="suggest__title">{t('title')}</h3>
      {suggestions === undefined ? (
        <p className="hint">{t('loading')}</p>
      ) : suggestions.length === 0 ? (
        <p className="hint" data-testid="suggest-none">
          {t('none')}
        </p>
      ) : (
        <ol className="suggest__list">
          {suggestions.map((s) => (
            <li key={s.expertId} className="suggest__item" data-testid="suggest-item">
              <div className="suggest__head">
                <strong data-testid="suggest-name">{s.name}</strong>
                <span className="suggest__score">{t('score', { score: s.score })}</span>
                <Button
                  data-testid="suggest-assign"
                  title={t('assignTitle', { name: s.name })}
                  disabled={busy !== null}
                  onClick={() => void assign(s)}
                >
                  {t('assign')}
                </Button>
              </div>
              <ul className="suggest__reasons">
                {s.reasons.map((r) => (
                  <li key={r.code} data-testid="suggest-reason">
                    {r.label[lang]}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
