/**
 * The toolbar's 내보내기 control: a menu button offering 엑셀 (XLSX), CSV (UTF-8) and CSV (CP949).
 * The file holds exactly the grid's current view (filters, quick search, sort, visible columns),
 * with references written as titles. Keyboard: Enter/Space/ArrowDown opens and focuses the first
 * format, arrows move, Enter picks, Esc closes and returns focus to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EntityDef, Lang } from '../../../shared/registry';
import { formatNumber } from '../../../shared/format/numbers';
import { platform } from '../../platform';
import { Button, showToast } from '../../ui';
import type { TitleLookups } from '../entities/display';
import { buildExportFile, EXPORT_FORMATS, type ExportFormat, type GridView } from './gridExport';
import { useExportT } from './messages';
import './export.css';

export interface ExportMenuProps {
  entity: EntityDef;
  lang: Lang;
  titles: TitleLookups | undefined;
  /** the grid's current view at the moment of the export; null when the grid is not ready */
  getView: () => GridView | null;
}

export function ExportMenu({ entity, lang, titles, getView }: ExportMenuProps) {
  const t = useExportT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () =>
    Array.from(rootRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    // A click anywhere else closes the menu (like a native one).
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    // Button does not forward a ref: find the trigger inside this control.
    if (refocus) rootRef.current?.querySelector<HTMLButtonElement>('[aria-haspopup]')?.focus();
  };

  const run = async (format: ExportFormat) => {
    close(true);
    const view = getView();
    if (!view) {
      showToast({ message: t('noGrid'), tone: 'error' });
      return;
    }
    setBusy(true);
    try {
      const file = await buildExportFile({ entity, format, view, lang, titles, now: new Date() });
      const saved = await platform.saveFile(file.name, file.bytes, file.mime);
      showToast(
        saved
          ? {
              message: t('done', { n: formatNumber(view.rows.length, lang), name: file.name }),
              tone: 'success',
            }
          : { message: t('cancelled') },
      );
    } catch (err) {
      // ExportError already names the row and column (e.g. a character CP949 cannot hold).
      const message = err instanceof Error ? err.message : String(err);
      showToast({ message: t('failed', { message }), tone: 'error', durationMs: 10_000 });
    } finally {
      setBusy(false);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' && !open) {
      e.preventDefault();
      setOpen(true);
    }
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <Button
        data-testid="grid-export"
        title={t('buttonTitle')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKeyDown}
      >
        {busy ? t('busy') : t('button')}
      </Button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={t('menuLabel')}
          className="export-menu__list"
          data-testid="grid-export-menu"
          onKeyDown={onMenuKeyDown}
        >
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="export-menu__item"
              data-testid={`grid-export-${format}`}
              onClick={() => void run(format)}
            >
              <span className="export-menu__label">{t(`format.${format}`)}</span>
              <span className="export-menu__hint">{t(`hint.${format}`)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
