/**
 * Usage requests of one shared resource, shown under its form: the list with each request's
 * status (요청 → 승인 / 반려 → 완료), "사용 요청" for anyone, and 승인 / 반려 / 완료 buttons for
 * the cluster that owns the resource (their answer is a resourceDecision record of their own).
 */
import { useId, useMemo, useState } from 'react';
import { getEntity, type Lang, type StoredRecord } from '../../../shared/registry';
import {
  REQUEST_STATUS_LABELS,
  canDecide,
  nextDecisions,
  requestStatus,
  type DecisionStatus,
} from '../../../shared/resources';
import { useRecords, useSetting } from '../../db';
import { useLang } from '../../i18n';
import { Button, showToast } from '../../ui';
import { clusterText, type TitleLookups } from '../entities/display';
import { emptyFormValue, formValuesToInput, type FormValues } from '../entities/formValues';
import { useEntitiesT } from '../entities/messages';
import { useTitleLookups } from '../entities/useTitleLookups';
import { FieldRow } from '../entities/widgets/FieldWidget';
import { useResourcesT, type ResourcesT } from './messages';
import { createRequest, decide } from './requestWrites';
import './resources.css';

const REQUEST = getEntity('resourceRequest');
/** The fields a requester fills in (the resource is the one on screen). */
const FORM_FIELDS = REQUEST.fields.filter((f) => f.key !== 'resourceId' && f.key !== 'contact');

type Errors = Record<string, string>;
const errorMap = (list: ReadonlyArray<{ field: string; message: string }>): Errors =>
  Object.fromEntries(list.map((e) => [e.field, e.message]));

export function ResourceRequests({ resource }: { resource: StoredRecord }) {
  const t = useResourcesT();
  const lang = useLang();
  const requests = useRecords('resourceRequest');
  const decisions = useRecords('resourceDecision');
  const myCluster = useSetting<string>('clusterId');
  const titles = useTitleLookups(REQUEST, lang);
  const [asking, setAsking] = useState(false);
  const mine = useMemo(
    () =>
      (requests ?? [])
        .filter((r) => r['resourceId'] === resource.id)
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)),
    [requests, resource.id],
  );
  const owner = canDecide(resource.clusterId, myCluster);

  const answer = async (requestId: string, status: DecisionStatus) => {
    const result = await decide(resource, requestId, status, decisions ?? [], myCluster, lang);
    const label = REQUEST_STATUS_LABELS[status][lang];
    if (result.ok) showToast({ message: t('decided', { status: label }), tone: 'success' });
    else
      showToast({
        message: t('failed', { message: result.errors.map((e) => e.message).join(' ') }),
        tone: 'error',
      });
  };

  return (
    <section className="rr" data-testid="resource-requests">
      <div className="rr__head">
        <h3>{t('title', { n: mine.length })}</h3>
        {!asking && (
          <Button data-testid="rr-new" onClick={() => setAsking(true)}>
            {t('request')}
          </Button>
        )}
      </div>
      {asking && (
        <RequestForm
          resourceId={resource.id}
          lang={lang}
          t={t}
          titles={titles}
          onDone={() => setAsking(false)}
        />
      )}
      {mine.length === 0 ? (
        <p className="hint">{t('none')}</p>
      ) : (
        <ul className="rr__list">
          {mine.map((r) => {
            const status = requestStatus(r.id, decisions ?? []);
            const company = titles?.organization?.get(String(r['companyId'])) ?? '';
            return (
              <li key={r.id} className="rr__item" data-testid="rr-item" data-status={status}>
                <span className={`rr__status rr__status--${status}`} data-testid="rr-status">
                  {REQUEST_STATUS_LABELS[status][lang]}
                </span>
                <span>
                  {company} · {String(r['startOn'] ?? '')}
                  {r['endOn'] ? ` ~ ${String(r['endOn'])}` : ''}
                </span>
                <span className="hint">
                  {t('from', { cluster: clusterText(r.clusterId, lang) })}
                </span>
                <p className="rr__purpose">{String(r['purpose'] ?? '')}</p>
                {owner &&
                  nextDecisions(status).map((next) => (
                    <Button
                      key={next}
                      data-testid={`rr-${next}`}
                      variant={next === 'rejected' ? 'danger' : 'secondary'}
                      onClick={() => void answer(r.id, next)}
                    >
                      {REQUEST_STATUS_LABELS[next][lang]}
                    </Button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      {!owner && mine.length > 0 && <p className="hint">{t('ownerOnly')}</p>}
    </section>
  );
}

interface RequestFormProps {
  resourceId: string;
  lang: Lang;
  t: ResourcesT;
  titles: TitleLookups | undefined;
  onDone: () => void;
}

function RequestForm({ resourceId, lang, t, titles, onDone }: RequestFormProps) {
  const entitiesT = useEntitiesT();
  const idPrefix = useId();
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(FORM_FIELDS.map((f) => [f.key, emptyFormValue(f)])),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const input = formValuesToInput({ ...REQUEST, fields: FORM_FIELDS }, values);
      const result = await createRequest(resourceId, input, lang);
      if (!result.ok) {
        setErrors(errorMap(result.errors));
        return;
      }
      showToast({ message: t('requested'), tone: 'success' });
      onDone();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="rr__form" data-testid="rr-form">
      {errors[''] && <p role="alert">{errors['']}</p>}
      {FORM_FIELDS.map((field) => (
        <FieldRow
          key={field.key}
          field={field}
          inputId={`${idPrefix}-${field.key}`}
          value={values[field.key] ?? ''}
          onChange={(v) => setValues((old) => ({ ...old, [field.key]: v }))}
          error={errors[field.key]}
          lang={lang}
          t={entitiesT}
          titles={titles}
        />
      ))}
      <div className="rr__actions">
        <Button
          variant="primary"
          data-testid="rr-submit"
          disabled={saving}
          onClick={() => void submit()}
        >
          {t('submit')}
        </Button>
        <Button data-testid="rr-cancel" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
