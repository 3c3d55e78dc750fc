/**
 * 설정: the team's cluster, language, this device's id, storage persistence, demo data,
 * 백업·복원, the user's profile and the team's staff list.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { enums } from '../../../shared/registry';
import { getDb, setSetting, useDeviceId } from '../../db';
import { useSetting } from '../../db/hooks';
import { LANGS, useLang, isLang } from '../../i18n';
import { setLang } from '../../i18n/lang';
import { requestPersistence, useStorageStore } from '../../state/storage';
import { startDemoLoad } from '../demo/store';
import { BackupPanel } from '../backup/BackupPanel';
import { ProfileSetting, StaffSetting } from '../profile/ProfileSetting';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="settings-title" data-testid="settings">
      <header className="page-header">
        <h1 id="settings-title">{t('nav.settings')}</h1>
      </header>
      <div className="settings-list">
        <ClusterSetting />
        <LangSetting />
        <DeviceSetting />
        <StorageSetting />
        <DemoSetting />
        <BackupPanel />
        <ProfileSetting />
        <StaffSetting />
      </div>
    </section>
  );
}

function ClusterSetting() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const clusterId = useSetting<string>('clusterId');
  return (
    <div className="setting">
      <label htmlFor={id}>{t('settings.cluster')}</label>
      <select
        id={id}
        data-testid="settings-cluster"
        value={clusterId ?? ''}
        onChange={(e) => void setSetting(getDb(), 'clusterId', e.target.value)}
      >
        {!clusterId && <option value="">{t('settings.clusterNone')}</option>}
        {enums.clusterCode.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label[lang]} ({t(`cluster.spec.${o.code}`)})
          </option>
        ))}
      </select>
      <p className="hint">{t('settings.clusterHelp')}</p>
    </div>
  );
}

function LangSetting() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        data-testid="settings-lang"
        value={lang}
        onChange={(e) => {
          if (isLang(e.target.value)) void setLang(e.target.value);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function DeviceSetting() {
  const { t } = useTranslation();
  const deviceId = useDeviceId();
  return (
    <div className="setting">
      <span className="setting-label">{t('settings.deviceId')}</span>
      <code data-testid="settings-device-id">{deviceId ?? t('common.loading')}</code>
      <p className="hint">{t('settings.deviceIdHelp')}</p>
    </div>
  );
}

function StorageSetting() {
  const { t } = useTranslation();
  const { persisted, requesting } = useStorageStore();
  const status =
    persisted === undefined
      ? t('settings.storageChecking')
      : persisted
        ? t('settings.storagePersisted')
        : t('settings.storageNotPersisted');
  return (
    <div className="setting">
      <span className="setting-label">{t('settings.storage')}</span>
      <span data-testid="settings-storage" data-persisted={String(persisted ?? '')}>
        {status}
      </span>
      {persisted === false && (
        <>
          <p className="hint">{t('settings.storageHelp')}</p>
          <button type="button" disabled={requesting} onClick={() => void requestPersistence()}>
            {t('settings.storageRequest')}
          </button>
        </>
      )}
    </div>
  );
}

function DemoSetting() {
  const { t } = useTranslation();
  const demoLoaded = useSetting<boolean>('demoLoaded');
  const interrupted = useSetting<boolean>('demoLoadInterrupted') === true;
  const state = interrupted ? 'partial' : demoLoaded ? 'loaded' : 'none';
  return (
    <div className="setting">
      <span className="setting-label">{t('settings.demo')}</span>
      <span data-testid="settings-demo-state" data-state={state}>
        {t(`settings.demoState.${state}`)}
      </span>
      <p className="hint">{t('settings.demoHelp')}</p>
      <button type="button" data-testid="settings-demo" onClick={() => void startDemoLoad()}>
        {interrupted ? t('demo.resume') : demoLoaded ? t('settings.demoReload') : t('demo.load')}
      </button>
    </div>
  );
}
