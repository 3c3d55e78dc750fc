/**
 * The mini-cluster page, reached by the deep link `#/mini-clusters/<id>`: the group's members,
 * activities (newest first, with 참여 연인원), open and resolved difficulties and success cases,
 * each linking to its record; "편집" opens the generic form, "활동 기록" logs an activity.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { getEntity, type Lang, type StoredRecord } from '../../../shared/registry';
import { formatNumber } from '../../../shared/format/numbers';
import { useRecords } from '../../db';
import { useLang } from '../../i18n';
import { navigate, toHash } from '../../routing/route';
import { Button } from '../../ui';
import { todayIso } from '../suggest/useExpertSuggestions';
import { LogActivityDialog } from './LogActivityDialog';
import { buildMiniClusterView, enumText, type Row } from './model';
import { useMiniClusterT, type MiniClusterT } from './messages';
import './miniCluster.css';

const MC = getEntity('miniCluster');
const pathOf = (name: Parameters<typeof getEntity>[0]) => getEntity(name).path;

/** Route segment after the id that opens the generic form instead of this page. */
import { EDIT_SEGMENT } from '../../routing/nav';

export { EDIT_SEGMENT };

function useNames(): ReadonlyMap<string, string> | undefined {
  const orgs = useRecords('organization');
  const experts = useRecords('expert');
  return useMemo(() => {
    if (!orgs || !experts) return undefined;
    const names = new Map<string, string>();
    for (const r of [...orgs, ...experts]) names.set(r.id, String(r['name'] ?? r.id));
    return names;
  }, [orgs, experts]);
}

function Section({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="mc-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function RecordLinks({
  rows,
  path,
  empty,
  lang,
}: {
  rows: Row[];
  path: string;
  empty: string;
  lang: Lang;
}) {
  if (rows.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="mc-links">
      {rows.map((r) => (
        <li key={r.id}>
          <a href={toHash(path, [r.id])} data-testid="mc-link">
            {String(r['title'] ?? r.id)}
          </a>
          {typeof r['status'] === 'string' && (
            <span className="hint"> · {enumText('difficultyStatus', r['status'], lang)}</span>
          )}
          {typeof r['year'] === 'number' && <span className="hint"> · {r['year']}</span>}
        </li>
      ))}
    </ul>
  );
}

export function MiniClusterPage({ id }: { id: string }) {
  const t = useMiniClusterT();
  const lang = useLang();
  // The list, not useRecord: "still loading" and "no such record" must be told apart.
  const miniClusters = useRecords('miniCluster');
  const record = miniClusters && (miniClusters.find((m) => m.id === id) ?? null);
  const memberships = useRecords('membership');
  const activities = useRecords('activity');
  const difficulties = useRecords('difficulty');
  const successCases = useRecords('successCase');
  const names = useNames();
  const [logging, setLogging] = useState(false);
  const view = useMemo(() => {
    if (!memberships || !activities || !difficulties || !successCases || !names) return undefined;
    return buildMiniClusterView(
      id,
      { memberships, activities, difficulties, successCases, names },
      todayIso(),
    );
  }, [id, memberships, activities, difficulties, successCases, names]);

  if (record === undefined || view === undefined)
    return (
      <p className="hint" data-testid="mc-loading">
        {t('loading')}
      </p>
    );
  if (record === null) return <NotFound t={t} />;
  return (
    <article className="mc-page" data-testid="mini-cluster-page">
      <Header record={record} t={t} lang={lang} onLog={() => setLogging(true)} />
      <Section title={t('members', { n: view.members.length })} testId="mc-members">
        {view.members.length === 0 ? (
          <p className="hint">{t('noMembers')}</p>
        ) : (
          <table className="mc-table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('role')}</th>
                <th>{t('since')}</th>
                <th>{t('until')}</th>
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) => (
                <tr
                  key={m.membershipId}
                  className={m.current ? '' : 'mc-former'}
                  data-testid="mc-member"
                >
                  <td>
                    <a href={toHash(pathOf('membership'), [m.membershipId])}>{m.name}</a>
                  </td>
                  <td>{enumText('memberRole', m.role, lang)}</td>
                  <td>{m.since}</td>
                  <td>{m.until || (m.current ? '' : t('former'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section
        title={t('activities', {
          n: formatNumber(view.activities.length, lang),
          total: formatNumber(view.totalAttendance, lang),
        })}
        testId="mc-activities"
      >
        {view.activities.length === 0 ? (
          <p className="hint">{t('noActivities')}</p>
        ) : (
          <table className="mc-table">
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('title')}</th>
                <th>{t('type')}</th>
                <th>{t('attendance')}</th>
                <th>{t('attendees')}</th>
              </tr>
            </thead>
            <tbody>
              {view.activities.map((a) => (
                <tr key={a.id} data-testid="mc-activity">
                  <td>{a.date}</td>
                  <td>
                    <a href={toHash(pathOf('activity'), [a.id])}>{a.title}</a>
                  </td>
                  <td>{enumText('activityType', a.type, lang)}</td>
                  <td data-testid="mc-activity-attendance">
                    {a.attendance === null ? '' : formatNumber(a.attendance, lang)}
                  </td>
                  <td data-testid="mc-activity-attendees">{a.attendeeNames.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <div className="mc-columns">
        <Section
          title={t('openDifficulties', { n: view.openDifficulties.length })}
          testId="mc-open"
        >
          <RecordLinks
            rows={view.openDifficulties}
            path={pathOf('difficulty')}
            empty={t('noDifficulties')}
            lang={lang}
          />
        </Section>
        <Section
          title={t('resolvedDifficulties', { n: view.resolvedDifficulties.length })}
          testId="mc-resolved"
        >
          <RecordLinks
            rows={view.resolvedDifficulties}
            path={pathOf('difficulty')}
            empty={t('noDifficulties')}
            lang={lang}
          />
        </Section>
      </div>
      <Section title={t('successCases', { n: view.successCases.length })} testId="mc-success">
        <RecordLinks
          rows={view.successCases}
          path={pathOf('successCase')}
          empty={t('noSuccessCases')}
          lang={lang}
        />
      </Section>
      {logging && (
        <LogActivityDialog
          miniClusterId={id}
          members={view.members.filter((m) => m.current)}
          lang={lang}
          t={t}
          onClose={() => setLogging(false)}
        />
      )}
    </article>
  );
}

function Header({
  record,
  t,
  lang,
  onLog,
}: {
  record: StoredRecord;
  t: MiniClusterT;
  lang: Lang;
  onLog: () => void;
}) {
  const facts = [
    typeof record['theme'] === 'string' ? record['theme'] : '',
    typeof record['type'] === 'string' ? enumText('miniClusterType', record['type'], lang) : '',
    typeof record['status'] === 'string'
      ? enumText('miniClusterStatus', record['status'], lang)
      : '',
    typeof record['coordinator'] === 'string' ? record['coordinator'] : '',
  ].filter(Boolean);
  return (
    <header className="mc-header">
      <div>
        <p className="hint">{MC.label[lang]}</p>
        <h1 data-testid="mc-name">{String(record['name'] ?? '')}</h1>
        <p className="hint">{facts.join(' · ')}</p>
      </div>
      <span className="mc-header__spacer" />
      <Button variant="primary" data-testid="mc-log-activity" onClick={onLog}>
        {t('logActivity')}
      </Button>
      <Button data-testid="mc-edit" onClick={() => navigate(MC.path, [record.id, EDIT_SEGMENT])}>
        {t('edit')}
      </Button>
      <Button data-testid="mc-back" onClick={() => navigate(MC.path)}>
        {t('back')}
      </Button>
    </header>
  );
}

function NotFound({ t }: { t: MiniClusterT }) {
  return (
    <div className="mc-page">
      <p data-testid="mc-not-found">{t('notFound')}</p>
      <Button onClick={() => navigate(MC.path)}>{t('back')}</Button>
    </div>
  );
}
