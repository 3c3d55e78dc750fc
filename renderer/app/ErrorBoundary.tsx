/**
 * Catches a rendering error so one broken screen never blanks the app. Records live in
 * IndexedDB and every save is its own transaction, so nothing saved is lost by a crash; the
 * message says so and offers to try again or reload.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

interface Props {
  children: ReactNode;
  /** whole-app boundary (offers reload) or a page boundary (offers retry only) */
  scope?: 'app' | 'page';
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[pumasi] render error', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-panel" role="alert" data-testid="error-boundary">
        <h2>{t('error.title')}</h2>
        <p>{t('error.dataSafe')}</p>
        <p>{t('error.next')}</p>
        <div className="button-row">
          <button type="button" onClick={this.retry}>
            {t('error.retry')}
          </button>
          {this.props.scope === 'app' && (
            <button type="button" onClick={() => location.reload()}>
              {t('error.reload')}
            </button>
          )}
        </div>
        <details>
          <summary>{t('error.details')}</summary>
          {/* The message is rendered as text, never as HTML. */}
          <pre>{error.message}</pre>
        </details>
      </div>
    );
  }
}
