/** The left navigation (items from ./nav.ts). Plain links: the hash is the route. */
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n';
import { toHash, useRoute } from '../routing/route';
import { MAX_NUMBERED_ITEMS, navLabel, type NavGroup, type NavItem } from '../routing/nav';

interface Props {
  items: readonly NavItem[];
}

export function NavMenu({ items }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { page } = useRoute();

  const group = (name: NavGroup) =>
    items.map((item, index) => ({ item, index })).filter(({ item }) => item.group === name);

  const renderList = (name: NavGroup) => (
    <ul className={`nav-list nav-${name}`}>
      {group(name).map(({ item, index }) => {
        const shortcut = index < MAX_NUMBERED_ITEMS ? `Alt+${index + 1}` : undefined;
        return (
          <li key={item.path}>
            <a
              href={toHash(item.path)}
              data-testid={`nav-${item.path}`}
              aria-current={page === item.path ? 'page' : undefined}
              aria-keyshortcuts={shortcut}
              title={shortcut}
            >
              {navLabel(item, lang, t)}
            </a>
          </li>
        );
      })}
    </ul>
  );

  const hasReference = items.some((i) => i.group === 'reference');
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <div className="app-brand" lang="ko">
        {t('app.name')}
      </div>
      {renderList('main')}
      {hasReference && (
        <>
          <div className="nav-group-title" id="nav-reference-title">
            {t('nav.reference')}
          </div>
          {renderList('reference')}
        </>
      )}
      <hr className="nav-separator" />
      {renderList('tools')}
    </nav>
  );
}
