/**
 * First run: which cluster does this team run, and start with demo data or empty? Every record
 * the team creates is stamped with this cluster (ownership and sync rights), so the choice is
 * explicit: nothing is preselected and both buttons wait for it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enums } from '../../shared/registry';
import { getDb, setSetting } from '../db';
import { startDemoLoad } from '../features/demo/store';
import { useLang } from '../i18n';
import { LangSwitch } from '../ui/LangSwitch';
import { navigate } from '../routing/route';
import { DASHBOARD_PATH } from '../routing/nav';
import { PersonFields, type PersonValue } from '../features/profile/PersonFields';
import { profileMessages } from '../features/profile/messages';
import { saveProfile } from '../features/profile/profileStore';
import type { PersonError } from '../../shared/desk/people';

async function finishFirstRun(clusterId: string): Promise<void> {
  const db = getDb();
  await setSetting(db, 'clusterId', clusterId);
  await setSetting(db, 'firstRunDone', true);
}

export function FirstRun() {
  const { t } = useTranslation();
  const lang = useLang();
  const titleId = useId();
  const [cluster, setCluster] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>('');
  const firstRadio = useRef<HTMLInputElement>(null);
  // Asked here, optional: history says who changed what once a name is given (also in 설정).
  const [person, setPerson] = useState<PersonValue>({ name: '', role: '' });
  const [personErrors, setPersonErrors] = useState<PersonError[]>([]);

  useEffect(() => firstRadio.current?.focus(), []);

  async function start(withDemo: boolean) {
    if (!cluster || busy) return;
    if (person.name.trim() !== '' || person.role !== '') {
      const saved = await saveProfile(getDb(), person, lang);
      setPersonErrors(saved.ok ? [] : saved.errors);
      if (!saved.ok) return;
    }
    setBusy(true);
    setError('');
    try {
      navigate(DASHBOARD_PATH);
      // The demo dialog is opened first so it is on screen as the shell replaces this dialog.
      if (withDemo) void startDemoLoad();
      await finishFirstRun(cluster);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void start(false);
  };

  return (
    <div className="first-run" data-testid="first-run">
      <form
        className="first-run-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={onSubmit}
      >
        <div className="first-run-head">
          <h1 id={titleId}>{t('firstRun.title')}</h1>
          <LangSwitch />
        </div>
        <p>{t('firstRun.intro')}</p>
        <fieldset className="cluster-choice">
          <legend>{t('firstRun.clusterLegend')}</legend>
          {enums.clusterCode.map((option, i) => (
            <label key={option.code} className="cluster-option">
              <input
                ref={i === 0 ? firstRadio : undefined}
                type="radio"
                name="cluster"
                value={option.code}
                checked={cluster === option.code}
                onChange={() => setCluster(option.code)}
                data-testid={`firstrun-cluster-${option.code}`}
              />
              <span className="cluster-name">{option.label[lang]}</span>
              <span className="cluster-spec">{t(`cluster.spec.${option.code}`)}</span>
            </label>
          ))}
        </fieldset>
        <p className="hint">{cluster ? t('firstRun.changeLater') : t('firstRun.chooseFirst')}</p>
        <fieldset className="first-run-person">
          <legend>{profileMessages(lang).firstRunLegend}</legend>
          <PersonFields
            value={person}
            onChange={setPerson}
            errors={personErrors}
            testIdPrefix="firstrun-profile"
          />
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {t('firstRun.saveFailed')} {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="primary"
            data-testid="firstrun-demo"
            disabled={!cluster || busy}
            onClick={() => void start(true)}
          >
            {t('firstRun.demo')}
          </button>
          <button type="submit" data-testid="firstrun-empty" disabled={!cluster || busy}>
            {t('firstRun.empty')}
          </button>
        </div>
        <p className="hint">{t('firstRun.demoHint')}</p>
      </form>
    </div>
  );
}
