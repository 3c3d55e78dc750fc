import { useMemo } from 'react';
import { RefPicker } from './RefPicker';
import { refTitle } from '../display';
import { asList, asText, type WidgetProps } from './types';

function comboTexts(p: WidgetProps) {
  return {
    placeholder: p.t('widget.refPlaceholder'),
    noMatchText: p.t('widget.refNoMatch'),
    moreText: p.t('widget.refMore'),
  };
}

/** One referenced record, chosen by title. */
export function RefWidget(p: WidgetProps) {
  return (
    <RefPicker
      target={p.field.ref}
      inputId={p.inputId}
      testId={`field-${p.field.key}`}
      titles={p.field.ref ? p.titles?.[p.field.ref] : undefined}
      mode="single"
      selectedId={asText(p.value)}
      onPick={(id) => p.onChange(id)}
      invalid={p.invalid}
      required={p.field.required}
      describedBy={p.describedBy}
      {...comboTexts(p)}
    />
  );
}

/** Several referenced records: chips (each removable) plus a search to add one more. */
export function RefsWidget(p: WidgetProps) {
  const ids = asList(p.value);
  const chosen = useMemo(() => new Set(ids), [ids]);
  const titles = p.field.ref ? p.titles?.[p.field.ref] : undefined;
  const ctx = { lang: p.lang, titles: p.titles };
  return (
    <div className="ef-refs">
      {ids.length > 0 && (
        <ul className="ef-chips" data-testid={`chips-${p.field.key}`}>
          {ids.map((id) => {
            const title = refTitle(p.field.ref, id, ctx);
            return (
              <li key={id} className="ef-chip">
                <span>{title}</span>
                <button
                  type="button"
                  className="ef-chip__remove"
                  aria-label={p.t('widget.refRemove', { title })}
                  onClick={() => p.onChange(ids.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <RefPicker
        target={p.field.ref}
        inputId={p.inputId}
        testId={`field-${p.field.key}`}
        titles={titles}
        exclude={chosen}
        mode="add"
        onPick={(id) => {
          if (id && !chosen.has(id)) p.onChange([...ids, id]);
        }}
        invalid={p.invalid}
        required={p.field.required}
        describedBy={p.describedBy}
        {...comboTexts(p)}
        placeholder={p.t('widget.refAdd')}
      />
    </div>
  );
}
