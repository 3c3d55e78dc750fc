/**
 * Screens that are planned but not built yet. They say what is coming, in plain words, and
 * offer no buttons that would do nothing.
 */
import { useTranslation } from 'react-i18next';
import { toHash } from '../../routing/route';

export type PlaceholderKind = 'importExport' | 'reports' | 'sync' | 'notFound';

/** Paragraph keys per screen (ko/en in renderer/i18n/messages.ts). */
export const PLACEHOLDER_PARAGRAPHS: Record<PlaceholderKind, readonly string[]> = {
  importExport: ['placeholder.importExport.p1', 'placeholder.importExport.p2'],
  reports: ['placeholder.reports.p1', 'placeholder.reports.p2'],
  sync: ['placeholder.sync.p1', 'placeholder.sync.p2'],
  notFound: ['placeholder.notFound.p1'],
};

export function PlaceholderPage({ kind }: { kind: PlaceholderKind }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="placeholder-title" data-testid={`page-${kind}`}>
      <header className="page-header">
        <h1 id="placeholder-title">{t(`placeholder.${kind}.title`)}</h1>
      </header>
      <div className="placeholder">
        {PLACEHOLDER_PARAGRAPHS[kind].map((key) => (
          <p key={key}>{t(key)}</p>
        ))}
        {kind === 'notFound' && (
          <p>
            <a href={toHash('dashboard')}>{t('placeholder.notFound.back')}</a>
          </p>
        )}
      </div>
    </section>
  );
}
