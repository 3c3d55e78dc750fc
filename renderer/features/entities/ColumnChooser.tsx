import type { ColumnChoice } from './gridState';

export interface ColumnChooserProps {
  label: string;
  choices: ColumnChoice[];
  onToggle: (colId: string, visible: boolean) => void;
}

/**
 * Show or hide columns (AG Grid community has no column tool panel). A <details> disclosure:
 * keyboard accessible without extra code, and it never traps focus.
 */
export function ColumnChooser({ label, choices, onToggle }: ColumnChooserProps) {
  return (
    <details className="entity-columns" data-testid="grid-columns">
      <summary className="ui-button ui-button--secondary">{label}</summary>
      <div className="entity-columns__panel">
        {choices.map((c) => (
          <label key={c.colId} className="entity-columns__item">
            <input
              type="checkbox"
              data-testid={`column-toggle-${c.colId}`}
              checked={c.visible}
              onChange={(e) => onToggle(c.colId, e.target.checked)}
            />
            {c.headerName}
          </label>
        ))}
      </div>
    </details>
  );
}
