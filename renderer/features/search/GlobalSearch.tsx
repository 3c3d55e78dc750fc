/**
 * Global search (Ctrl+K): one box over every searchable entity, results grouped by entity,
 * ↑/↓ to move, Enter to open the record on its entity page (`#/<path>/<id>`, the page opens its
 * form). Uses the same Korean matcher as the grids and pickers (shared/korean/search).
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { entities, type EntityDef } from '../../../shared/registry';
import type { SearchHit } from '../../../shared/korean/search';
import { useShortcut } from '../../routing/useShortcut';
import { usePref, useRecordLists } from '../../db';
import { useLang } from '../../i18n';
import { navigate } from '../../routing/route';
import { Dialog } from '../../ui';
import { Highlighted } from '../entities/widgets/Highlighted';
import { searchMessages } from './messages';
import { parseRecent, pushRecent, RECENT_PREF_KEY } from './recentItems';
import { globalIndex, SEARCHABLE_ENTITIES, syncGlobal } from './searchDocs';
import './search.css';

const PER_GROUP = 8;
const defs = SEARCHABLE_ENTITIES.map((name) => entities.find((e) => e.name === name)).filter(
  (e): e is EntityDef => e !== undefined,
);

export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  // Ctrl+K works with the Korean IME too: the helper also matches the physical KeyK.
  useShortcut({
    key: 'k',
    ctrl: true,
    descriptionKey: 'shortcut.globalSearch',
    run: () => setOpen(true),
  });
  return open ? <SearchDialog onClose={() => setOpen(false)} /> : null;
}

interface Item {
  hit: SearchHit;
  entity: EntityDef;
}

interface Group {
  key: string;
  label: string;
  items: Item[];
}

const defOf = (name: string) => defs.find((d) => d.name === name);

function SearchDialog({ onClose }: { onClose: () => void }) {
  const lang = useLang();
  const m = searchMessages(lang);
  const lists = useRecordLists(SEARCHABLE_ENTITIES);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const loading = lists.some((l) => l === undefined);

  // Re-index only what changed since the last open or write (syncGlobal skips equal versions).
  const revision = useMemo(() => {
    defs.forEach((def, i) => syncGlobal(def, lists[i]));
    return {};
  }, [lists]);

  const [storedRecent, storeRecent] = usePref<unknown>(RECENT_PREF_KEY, []);
  const recent = useMemo(() => parseRecent(storedRecent, SEARCHABLE_ENTITIES), [storedRecent]);

  const groups = useMemo((): Group[] => {
    void revision;
    if (query.trim() === '') {
      // An empty box shows the records last opened from here (deleted ones left out).
      const items = recent.flatMap((r): Item[] => {
        const doc = globalIndex.get(r.id);
        const entity = defOf(r.entity);
        if (!doc || !entity) return [];
        return [
          { entity, hit: { id: r.id, title: doc.title, group: r.entity, rank: 0, field: 'title' } },
        ];
      });
      return items.length > 0 ? [{ key: 'recent', label: m.recent, items }] : [];
    }
    return defs
      .map((entity) => ({
        key: entity.name,
        label: entity.label[lang],
        items: globalIndex
          .search(query, { group: entity.name, limit: PER_GROUP })
          .hits.map((hit) => ({ hit, entity })),
      }))
      .filter((g) => g.items.length > 0);
  }, [query, revision, recent, m.recent, lang]);
  const flat = groups.flatMap((g) => g.items);

  const openHit = (i: number) => {
    const item = flat[i];
    if (!item) return;
    storeRecent(pushRecent(recent, { entity: item.entity.name, id: item.hit.id }));
    onClose();
    navigate(item.entity.path, [item.hit.id]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Hangul still being assembled
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, Math.max(flat.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openHit(active);
    }
  };

  let index = -1;
  return (
    <Dialog
      title={m.title}
      placement="center"
      onRequestClose={onClose}
      closeLabel={m.close}
      data-testid="global-search"
    >
      <input
        className="global-search__input"
        data-testid="global-search-input"
        type="search"
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls="global-search-results"
        aria-activedescendant={flat.length > 0 ? `global-search-${active}` : undefined}
        autoFocus
        placeholder={m.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id="global-search-results" role="listbox" className="global-search__results">
        {groups.map((g) => (
          <div
            key={g.key}
            role="group"
            aria-label={g.label}
            data-testid={`global-search-group-${g.key}`}
          >
            <h3 className="global-search__group">{g.label}</h3>
            {g.items.map(({ hit }) => {
              index += 1;
              const i = index;
              return (
                <div
                  key={hit.id}
                  id={`global-search-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-testid="global-search-hit"
                  className={i === active ? 'global-search__hit is-active' : 'global-search__hit'}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => openHit(i)}
                >
                  <Highlighted text={hit.title} span={hit.span} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="global-search__note">
        {loading
          ? m.loading
          : flat.length > 0
            ? m.hint
            : query.trim() === ''
              ? m.noRecent
              : m.noMatch}
      </p>
    </Dialog>
  );
}
