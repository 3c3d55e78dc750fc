/**
 * 가져오기·내보내기: choose the target and a file, check the column mapping, read the preview,
 * commit. Parsing runs in a Web Worker (progress + 취소); the commit is one mutate() call with
 * its import log entry. A thin container: state lives in useImportSession.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { entities, type EntityName } from '../../../shared/registry';
import { getDb } from '../../db';
import { queryImportsByChecksum } from '../../db/importLog';
import { navigate } from '../../routing/route';
import { Button } from '../../ui';
import { ImportLogList } from './ImportLogList';
import { MappingTable } from './MappingTable';
import { useImportT, type ImportMessageKey } from './messages';
import { PreviewPanel } from './PreviewPanel';
import { useImportSession, type ImportSession } from './useImportSession';
import { KicoxPanel, KicoxStatus } from './kicox/KicoxPanel';
import { useKicoxWorkbook } from './kicox/useKicoxWorkbook';
import { formatCount } from '../../../shared/format/numbers';
import './import.css';

const TARGETS = [...entities].sort((a, b) => a.navOrder - b.navOrder);

export function ImportPage() {
  const t = useImportT();
  const s = useImportSession();
  const { preview, lang, entity } = s;
  const checksum = preview?.checksum ?? '';
  const earlier = useLiveQuery(() => queryImportsByChecksum(getDb(), checksum), [checksum]);
  const busy = s.progress !== null;
  // A KICOX 산업동향 workbook opened for 성과지표 replaces the column-mapping steps.
  const k = useKicoxWorkbook({
    fileId: entity.name === 'indicator' ? (s.file?.id ?? null) : null,
    lang,
    client: s.client,
  });

  return (
    <section
      className="page import-page"
      aria-labelledby="import-title"
      data-testid="page-importExport"
    >
      <header className="page-header">
        <h1 id="import-title">{t('title')}</h1>
      </header>
      <p className="hint">{t('intro')}</p>

      <section className="import-step" aria-labelledby="import-step-choose">
        <h2 id="import-step-choose">{t('step.choose')}</h2>
        <div className="import-choose">
          <label>
            <span>{t('entity.label')}</span>
            <select
              data-testid="import-entity"
              value={entity.name}
              disabled={busy}
              onChange={(e) => s.chooseEntity(e.target.value as EntityName)}
            >
              {TARGETS.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="primary"
            data-testid="import-choose-file"
            disabled={busy}
            onClick={() => void s.chooseFile()}
          >
            {t('file.choose')}
          </Button>
          <span className="hint">{t('file.chooseHint')}</span>
        </div>
        <p data-testid="import-file-name">
          {s.file ? t('file.name', { name: s.file.name }) : t('file.none')}
        </p>
      </section>

      {!k.active && <ProgressLine session={s} />}
      <KicoxStatus k={k} />
      {s.message && !k.active && (
        <p className="import-message" role="alert" data-testid="import-message">
          {s.message}
        </p>
      )}

      {k.active ? (
        <KicoxPanel k={k} lang={lang} />
      ) : s.result ? (
        <ResultPanel session={s} />
      ) : (
        preview && (
          <>
            <section className="import-step" aria-labelledby="import-step-map">
              <h2 id="import-step-map">{t('step.map')}</h2>
              <Detected preview={preview} sheet={s.sheet} onSheet={s.chooseSheet} busy={busy} />
              {s.savedMappingUsed && (
                <p className="hint" data-testid="import-saved-mapping">
                  {t('mapping.saved')}
                </p>
              )}
              <MappingTable entity={entity} state={s.mapping} lang={lang} onEdit={s.editMapping} />
            </section>
            <PreviewPanel
              preview={preview}
              lang={lang}
              stale={s.stale}
              busy={busy}
              importedBefore={earlier?.[0]?.at}
              sameAs={s.mapping.sameAs ?? {}}
              onSameAs={(row, id) => s.editMapping({ type: 'setSameAs', row, id })}
              onCommit={() => void s.commit()}
              onErrorReport={() => void s.downloadErrorReport()}
            />
          </>
        )
      )}

      <ImportLogList lang={lang} />
    </section>
  );
}

function ProgressLine({ session: s }: { session: ImportSession }) {
  const t = useImportT();
  const p = s.progress;
  if (!p) return null;
  const value = p.kind === 'worker' ? p.fraction : p.total === 0 ? 1 : p.done / p.total;
  const label =
    p.kind === 'worker'
      ? t(`progress.${p.stage}` as ImportMessageKey)
      : t('progress.commit', {
          done: formatCount(p.done, '', s.lang),
          total: formatCount(p.total, '', s.lang),
        });
  return (
    <div className="import-progress" role="status">
      <progress
        data-testid="import-progress"
        aria-label={t('progress.label')}
        max={1}
        value={value}
      />
      <span>{label}</span>
      {p.kind === 'worker' && (
        <Button data-testid="import-cancel" onClick={s.cancel}>
          {t('cancel')}
        </Button>
      )}
    </div>
  );
}

function Detected(props: {
  preview: NonNullable<ImportSession['preview']>;
  sheet: string | undefined;
  busy: boolean;
  onSheet: (sheet: string) => void;
}) {
  const t = useImportT();
  const { preview } = props;
  return (
    <div className="import-detected" data-testid="import-detected">
      {preview.format === 'xlsx' && (
        <label>
          <span>{t('sheet.label')}</span>
          <select
            data-testid="import-sheet"
            value={props.sheet ?? preview.sheet ?? ''}
            disabled={props.busy}
            onChange={(e) => props.onSheet(e.target.value)}
          >
            {preview.sheets.map((sh) => (
              <option key={sh.name} value={sh.name}>
                {t('sheet.option', { name: sh.name, rows: sh.rows })}
              </option>
            ))}
          </select>
        </label>
      )}
      {preview.encoding && <span>{t('detected.encoding', { encoding: preview.encoding })}</span>}
      {preview.delimiter && (
        <span>
          {t('detected.delimiter', {
            delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter,
          })}
        </span>
      )}
      <span data-testid="import-header-row">
        {t('detected.header', { rows: preview.headerRows.join('–') })}
      </span>
      {preview.unitHint && <span>{t('detected.unit', { unit: preview.unitHint.text })}</span>}
    </div>
  );
}

function ResultPanel({ session: s }: { session: ImportSession }) {
  const t = useImportT();
  const r = s.result!;
  const target = entities.find((e) => e.name === r.entity) ?? s.entity;
  const n = (v: number) => formatCount(v, undefined, s.lang);
  return (
    <section className="import-result" data-testid="import-result" role="status">
      <p>
        {t('result.done', {
          n: n(r.created + r.updated),
          created: n(r.created),
          updated: n(r.updated),
        })}
      </p>
      <div className="import-actions">
        <Button
          variant="primary"
          data-testid="import-open-grid"
          onClick={() => navigate(target.path)}
        >
          {t('result.open', { entity: target.label[s.lang] })}
        </Button>
        <Button data-testid="import-again" onClick={s.reset}>
          {t('result.again')}
        </Button>
      </div>
    </section>
  );
}
