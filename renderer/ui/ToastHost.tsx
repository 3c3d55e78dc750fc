import { useEffect } from 'react';
import { dismissToast, latestUndoToast, runToastAction, useToastStore, type Toast } from './toast';
import './ui.css';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return (
    el.isContentEditable ||
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT'
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(toast.id), toast.durationMs);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.durationMs]);

  return (
    <div className={`ui-toast ui-toast--${toast.tone}`} data-testid="toast">
      <span className="ui-toast__message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="ui-toast__action"
          data-testid={toast.action.kind === 'undo' ? 'toast-undo' : 'toast-action'}
          onClick={() => void runToastAction(toast)}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="ui-toast__close"
        aria-label="닫기 / Close"
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/**
 * Renders the toast stack; the shell mounts it once. Ctrl+Z runs the newest undo action while
 * its toast is visible — but never while typing, where Ctrl+Z must keep undoing text.
 */
export function ToastHost() {
  const toasts = useToastStore((s) => s.toasts);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
      if (e.key.toLowerCase() !== 'z' && e.code !== 'KeyZ') return;
      if (e.isComposing || isEditable(e.target)) return;
      const undo = latestUndoToast(useToastStore.getState().toasts);
      if (!undo) return;
      e.preventDefault();
      void runToastAction(undo);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="ui-toast-host" role="status" aria-live="polite" data-testid="toast-host">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
