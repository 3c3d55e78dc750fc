/**
 * The top five experts for a difficulty, each with the reasons it was suggested and one button:
 * - on a saved record (the difficulty form), "배정" adds the expert to its 매칭 전문가 through
 *   mutate() at once;
 * - inside a dialog that saves later (the desk's 매칭 step), `onPick` hands the expert to the
 *   dialog instead ("추가"), and `draft` ranks by what the dialog holds (its mini-cluster, the
 *   experts already added, who are then not suggested again).
 * Keyboard: each button is in the tab order; after a pick the focus goes to the suggestion that
 * moved into its place (or the section), never lost to the page.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExpertSuggestion } from '../../../shared/suggest';
import { getDb, mutate, queryRecord } from '../../db';
import { useLang } from '../../i18n';
import { Button, showToast } from '../../ui';
import { useSuggestT } from './messages';
import { useExpertSuggestions, type SuggestDraft } from './useExpertSuggestions';
import './suggest.css';

export interface ExpertSuggestionsProps {
  difficultyId: string;
  /** unsaved values of a dialog the suggestions sit in */
  draft?: SuggestDraft;
  /** given: a click hands the expert to the caller instead of writing it */
  onPick?: (suggestion: ExpertSuggestion) => void;
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

export function ExpertSuggestions({ difficultyId, draft, onPick }: ExpertSuggestionsProps) {
  const t = useSuggestT();
  const lang = useLang();
  const result = useExpertSuggestions(difficultyId, draft);
  const suggestions = result?.suggestions;
  const [busy, setBusy] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The button just used: its expert leaves the list once the pick is stored (or held by the
  // dialog), so when the list changes, focus the suggestion that moved into its place.
  const pendingFocus = useRef<{ index: number; from: ExpertSuggestion[] | undefined } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || suggestions === pending.from || suggestions === undefined) return;
    pendingFocus.current = null;
    const section = sectionRef.current;
    const buttons = section?.querySelectorAll<HTMLButtonElement>('[data-testid="suggest-assign"]');
    const next = buttons?.[Math.min(pending.index, buttons.length - 1)];
    (next ?? section)?.focus();
  }, [suggestions]);

  const assign = async (s: ExpertSuggestion, index: number) => {
    pendingFocus.current = { index, from: suggestions };
    if (onPick) {
      onPick(s);
      return;
    }
    setBusy(s.expertId);
    try {
      const result = await assignExpert(difficultyId, s.expertId, lang);
      if (result.ok) showToast({ message: t('assigned', { name: s.name }), tone: 'success' });
      else {
        const message = result.errors.map((e) => e.message).join(' ');
        pendingFocus.current = null;
        showToast({ message: t('assignFailed', { message }), tone: 'error' });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className="suggest"
      data-testid="expert-suggestions"
      aria-label={t('title')}
    >
      <h3 className="suggest__title">{t('title')}</h3>
      {suggestions === undefined ? (
        <p className="hint">{t('loading')}</p>
      ) : suggestions.length === 0 ? (
        <p className="hint" data-testid="suggest-none">
          {/* Everyone the ranking points to may already be matched: say so, not "fill in data". */}
          {t(result && result.assignedCount > 0 ? 'noneLeft' : 'none')}
        </p>
      ) : (
        <ol className="suggest__list">
          {suggestions.map((s, index) => (
            <li key={s.expertId} className="suggest__item" data-testid="suggest-item">
              <div className="suggest__head">
                <strong data-testid="suggest-name">{s.name}</strong>
                <span className="suggest__score">{t('score', { score: s.score })}</span>
                <Button
                  data-testid="suggest-assign"
                  title={t(onPick ? 'pickTitle' : 'assignTitle', { name: s.name })}
                  aria-label={t(onPick ? 'pickTitle' : 'assignTitle', { name: s.name })}
                  disabled={busy !== null}
                  onClick={() => void assign(s, index)}
                >
                  {t(onPick ? 'pick' : 'assign')}
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
