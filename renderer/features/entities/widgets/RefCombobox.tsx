import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SearchIndex } from '../../../../shared/korean/search';
import { Highlighted } from './Highlighted';
import { exactRef, searchRefs, syncRefIndex, type RefNumbers } from './refSearch';

export interface RefComboboxProps {
  inputId: string;
  testId: string;
  /** id → title of the records that can be chosen; undefined while loading */
  titles: ReadonlyMap<string, string> | undefined;
  /** registration numbers by id (companies): also found by 사업자등록번호 */
  numbers?: RefNumbers;
  /** ids not offered (already chosen in a multi-reference) */
  exclude?: ReadonlySet<string>;
  /** single: shows the chosen record's title; add: stays empty, each pick is added */
  mode: 'single' | 'add';
  selectedId?: string;
  /** '' clears (single mode) */
  onPick: (id: string) => void;
  invalid: boolean;
  required?: boolean;
  describedBy: string | undefined;
  placeholder: string;
  noMatchText: string;
  moreText: string;
}

/**
 * A searchable select: type part of a title, pick with ↑/↓ and Enter or the mouse. A small
 * hand-made combobox rather than <datalist>, which would put 100,000 options in the DOM and
 * cannot tell two records of the same name apart.
 */
export function RefCombobox(p: RefComboboxProps) {
  const listId = useId();
  /** text being typed; null = not editing, the input shows the chosen title */
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const exclude = p.exclude;

  const chosenTitle = p.selectedId ? (p.titles?.get(p.selectedId) ?? '') : '';
  const shown = text ?? (p.mode === 'single' ? chosenTitle : '');
  // One index per picker, synced when the titles change (only changed titles are re-folded).
  const indexRef = useRef<SearchIndex | null>(null);
  const index = useMemo(() => {
    indexRef.current ??= new SearchIndex();
    return p.titles ? syncRefIndex(indexRef.current, p.titles, p.numbers) : indexRef.current;
  }, [p.titles, p.numbers]);
  const matches = useMemo(
    () =>
      open ? searchRefs(p.titles, text ?? '', exclude, 50, index) : { options: [], more: false },
    [open, p.titles, text, exclude, index],
  );

  const pick = (id: string) => {
    p.onPick(id);
    setText(p.mode === 'add' ? '' : null);
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Hangul still being assembled
    const count = matches.options.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, Math.max(count - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const option = matches.options[active];
      if (option) pick(option.id);
    } else if (e.key === 'Escape' && open) {
      // Close the list only; the dialog must not take this Esc as "close the form".
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (text === null) return;
    if (text.trim() === '') {
      if (p.mode === 'single') p.onPick('');
      setText(p.mode === 'add' ? '' : null);
      return;
    }
    // A title typed in full counts as a choice; anything else reverts to the chosen title.
    const id = exactRef(p.titles, text, exclude, index);
    if (id) pick(id);
    else setText(p.mode === 'add' ? text : null);
  };

  const activeId = open && matches.options[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="ef-combo">
      <input
        id={p.inputId}
        data-testid={p.testId}
        type="text"
        className="ef-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={p.invalid}
        aria-required={p.required === true}
        aria-describedby={p.describedBy}
        autoComplete="off"
        placeholder={p.placeholder}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setActive(0)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {open && (
        <div className="ef-combo__popup">
          <ul id={listId} role="listbox" className="ef-combo__list">
            {matches.options.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                data-testid="ref-option"
                className={i === active ? 'ef-combo__option is-active' : 'ef-combo__option'}
                // mousedown would blur the input first and revert the typed text
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o.id)}
              >
                <Highlighted text={o.title} span={o.span} />
              </li>
            ))}
          </ul>
          {matches.options.length === 0 && <p className="ef-combo__note">{p.noMatchText}</p>}
          {matches.more && <p className="ef-combo__note">{p.moreText}</p>}
        </div>
      )}
    </div>
  );
}
