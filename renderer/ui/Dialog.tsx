import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './ui.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
  'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** heading text, also the dialog's accessible name */
  title: ReactNode;
  /** Esc, the close button and a click on the backdrop ask to close; the owner decides */
  onRequestClose: () => void;
  children: ReactNode;
  /** `side` slides in from the right (record forms); `center` is a classic modal */
  placement?: 'side' | 'center';
  /** rendered under the title (e.g. record meta) */
  subtitle?: ReactNode;
  footer?: ReactNode;
  closeLabel?: string;
  /** runs first on every key press inside the dialog (e.g. Ctrl+S); preventDefault to claim it */
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  'data-testid'?: string;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/**
 * A modal dialog: focus moves in (to `[data-autofocus]` or the first field), Tab cycles inside,
 * Esc asks to close, and focus returns to where it was (e.g. the grid cell) when it unmounts.
 * Key presses do not leak to the window's global shortcuts while it is open (it is modal).
 */
export function Dialog({
  title,
  subtitle,
  onRequestClose,
  children,
  footer,
  placement = 'side',
  closeLabel = '닫기',
  onKeyDown: onKeyDownProp,
  ...rest
}: DialogProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const panel = panelRef.current;
    if (panel) {
      // The first field, not the header's close button: the user came here to type.
      const body = panel.querySelector<HTMLElement>('.ui-dialog__body') ?? panel;
      const target =
        panel.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(body)[0] ?? panel;
      target.focus();
    }
    return () => {
      // The element may be gone (e.g. a grid row re-rendered); then focus simply stays on body.
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    onKeyDownProp?.(e);
    if (e.key === 'Escape' && !e.defaultPrevented && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onRequestClose();
    } else if (e.key === 'Tab' && panelRef.current) {
      const items = focusables(panelRef.current);
      const first = items[0];
      const last = items[items.length - 1];
      if (first && last) {
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    }
    e.stopPropagation();
  };

  return createPortal(
    <div
      className="ui-dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onRequestClose();
      }}
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`ui-dialog ui-dialog--${placement}`}
        data-testid={rest['data-testid']}
        onKeyDown={onKeyDown}
      >
        <header className="ui-dialog__header">
          <div>
            <h2 id={titleId} className="ui-dialog__title">
              {title}
            </h2>
            {subtitle && <div className="ui-dialog__subtitle">{subtitle}</div>}
          </div>
          <button
            type="button"
            className="ui-dialog__close"
            aria-label={closeLabel}
            onClick={onRequestClose}
          >
            ×
          </button>
        </header>
        <div className="ui-dialog__body">{children}</div>
        {footer && <footer className="ui-dialog__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
