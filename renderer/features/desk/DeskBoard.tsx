/**
 * The board: a column per status with its count, cards in board order (boardModel.ts), each
 * column capped with "더 보기". Keyboard: arrow keys move between cards (←→ columns, ↑↓ within a
 * column), Enter opens the card; the page adds M (next status) and Ctrl+N (intake).
 * One card is in the tab order at a time (roving tabindex), so Tab leaves the board in one step.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { enumLabel, type Lang } from '../../../shared/registry';
import type { DeskStatus } from '../../../shared/desk';
import { fieldText, refTitle, type TitleLookups } from '../entities/display';
import { getEntity } from '../../../shared/registry';
import type { BoardColumn } from './boardModel';
import { deskMessages } from './messages';

const difficulty = getEntity('difficulty');
const dueField = difficulty.fields.find((f) => f.key === 'dueOn');

export interface DeskBoardProps {
  columns: BoardColumn[];
  lang: Lang;
  titles: TitleLookups | undefined;
  onOpen: (id: string) => void;
  onMore: (status: DeskStatus) => void;
  /** false while a dialog is open: the board must not take the focus from it */
  keepFocus: boolean;
}

export function DeskBoard({ columns, lang, titles, onOpen, onMore, keepFocus }: DeskBoardProps) {
  const m = deskMessages(lang);
  const boardRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(null);
  const firstId = columns.find((c) => c.cards.length > 0)?.cards[0]?.record.id;
  const tabStop =
    active && columns.some((c) => c.cards.some((k) => k.record.id === active)) ? active : firstId;

  // A card moved by keyboard (M) is re-rendered in its new column and loses focus: keep the
  // focus on it, so the user can go on from where they were.
  useEffect(() => {
    const focused = document.activeElement;
    if (!keepFocus || !active || (focused && focused !== document.body)) return;
    boardRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(active)}"]`)?.focus();
  }, [columns, active, keepFocus]);

  const focusCard = (col: number, row: number) => {
    const column = columns[col];
    const card = column?.cards[Math.min(row, column.cards.length - 1)];
    if (!card) return false;
    boardRef.current
      ?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(card.record.id)}"]`)
      ?.focus();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-card-id]');
    if (!el) return;
    const col = Number(el.dataset.col);
    const row = Number(el.dataset.row);
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(el.dataset.cardId ?? '');
      return;
    }
    const step = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[
      e.key
    ];
    if (!step) return;
    e.preventDefault();
    if (step[1] !== 0) {
      focusCard(col, Math.max(0, row + (step[1] ?? 0)));
      return;
    }
    // Sideways: the next column that has cards, same row or its last card.
    for (let c = col + (step[0] ?? 0); c >= 0 && c < columns.length; c += step[0] ?? 0) {
      if (focusCard(c, row)) return;
    }
  };

  return (
    <div className="desk-board" ref={boardRef} onKeyDown={onKeyDown} data-testid="desk-board">
      {columns.map((column, col) => {
        const label = enumLabel('difficultyStatus', column.status, lang);
        return (
          <section
            key={column.status}
            className="desk-column"
            aria-label={`${label} ${m.count(column.total)}`}
            data-testid={`desk-column-${column.status}`}
          >
            <header className="desk-column__head">
              <h2>{label}</h2>
              <span className="desk-column__count" data-testid="desk-column-count">
                {m.count(column.total)}
              </span>
            </header>
            <ul className="desk-column__cards">
              {column.cards.map(({ record, overdue }, row) => (
                <li key={record.id}>
                  <button
                    type="button"
                    className={`desk-card${overdue ? ' desk-card--overdue' : ''}`}
                    data-card-id={record.id}
                    data-col={col}
                    data-row={row}
                    data-testid="desk-card"
                    tabIndex={record.id === tabStop ? 0 : -1}
                    onFocus={() => setActive(record.id)}
                    onClick={() => onOpen(record.id)}
                  >
                    <span className="desk-card__title">{String(record.title ?? '')}</span>
                    <span className="desk-card__company">
                      {refTitle('organization', record.companyId, { lang, titles })}
                    </span>
                    <span className="desk-card__meta">
                      {record.priority ? (
                        <span className={`desk-prio desk-prio--${String(record.priority)}`}>
                          {enumLabel('difficultyPriority', String(record.priority), lang)}
                        </span>
                      ) : null}
                      {record.assignee ? <span>{String(record.assignee)}</span> : null}
                      {record.dueOn && dueField ? (
                        <span>
                          {m.due} {fieldText(dueField, record.dueOn, { lang, titles })}
                        </span>
                      ) : null}
                      {overdue && (
                        <span className="desk-flag" data-testid="card-overdue">
                          {m.overdue}
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {column.total > column.cards.length && (
              <button
                type="button"
                className="desk-more"
                data-testid="desk-more"
                onClick={() => onMore(column.status)}
              >
                {m.more(column.total - column.cards.length)}
              </button>
            )}
            {column.total === 0 && <p className="hint">{m.empty}</p>}
          </section>
        );
      })}
    </div>
  );
}
