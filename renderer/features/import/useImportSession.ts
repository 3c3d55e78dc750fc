/**
 * The import page's state and actions: file → worker preview → mapping edits (debounced
 * re-preview) → commit through ONE mutate() call with its import log entry. Records are read
 * here (main thread) and posted to the worker for dedupe; the worker never touches the database.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ImportStage, RefLookups } from '../../../shared/import';
// limits.ts directly: the shared/import index would pull exceljs into the main thread.
import { DEFAULT_LIMITS } from '../../../shared/import/limits';
import { getEntity, type EntityDef, type EntityName } from '../../../shared/registry';
import { getDb, getPref, mutate, queryRecords, refreshGridSnapshot, setPref } from '../../db';
import { IMPORT_LOG_TABLE } from '../../db/importLog';
import { guardedWrite, GuardedWriteError } from '../storage/guard';
import { useLang } from '../../i18n';
import { platform } from '../../platform';
import {
  EMPTY_MAPPING,
  effectiveDefaults,
  mappingPrefKey,
  mappingReducer,
  restoreSavedMapping,
  sameMapping,
  toSavedMapping,
  type MappingAction,
} from './mappingState';
import { baseName } from './policy';
import type { PreviewSummary } from './protocol';
import { importT } from './messages';
import { ImportCancelled, ImportWorkerClient } from './workerClient';

export const ACCEPTED_FILES = ['.csv', '.tsv', '.txt', '.xlsx'];
const REPREVIEW_DELAY_MS = 300;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Progress =
  | { kind: 'worker'; fraction: number; stage: ImportStage }
  | { kind: 'commit'; done: number; total: number };

export interface CommitResult {
  entity: EntityName;
  created: number;
  updated: number;
}

/** Titles of the records the entity's reference fields point at (read here, matched there). */
async function readRefLookups(entity: EntityDef): Promise<RefLookups> {
  const targets = new Set(
    entity.fields
      .filter((f) => (f.kind === 'ref' || f.kind === 'refs') && f.ref)
      .map((f) => f.ref!),
  );
  const lookups: RefLookups = {};
  for (const name of targets) {
    const { titleField } = getEntity(name);
    const records = await queryRecords(getDb(), name);
    lookups[name] = records.map((r) => ({ id: r.id, title: String(r[titleField] ?? '') }));
  }
  return lookups;
}

interface OpenedFile {
  id: number;
  name: string;
}

export function useImportSession() {
  const lang = useLang();
  const [entityName, setEntityName] = useState<EntityName>('organization');
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, dispatch] = useReducer(mappingReducer, EMPTY_MAPPING);
  const [preview, setPreview] = useState<PreviewSummary | null>(null);
  const [previewJobId, setPreviewJobId] = useState<number | null>(null);
  const [stale, setStale] = useState(false);
  const [savedMappingUsed, setSavedMappingUsed] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  /** bumped by user edits of the mapping only: they (not resets) trigger a re-preview */
  const [edits, setEdits] = useState(0);

  const clientRef = useRef<ImportWorkerClient | null>(null);
  const runningJob = useRef<number | null>(null);
  const requests = useRef(0);
  useEffect(() => () => clientRef.current?.dispose(), []);
  const client = () => (clientRef.current ??= new ImportWorkerClient());

  const runPreview = useCallback(
    async (opts: {
      fileId: number;
      entity: EntityName;
      sheet: string | undefined;
      explicit: typeof mapping | null;
    }) => {
      const c = client();
      if (runningJob.current !== null) c.cancel(runningJob.current);
      runningJob.current = null; // the cancelled job's handler must not touch the state
      const entity = getEntity(opts.entity);
      setMessage(null);
      setProgress({ kind: 'worker', fraction: 0, stage: 'read' });
      // Reading records is async: a newer request made meanwhile wins, this one stops here.
      const generation = ++requests.current;
      const existing = await queryRecords(getDb(), opts.entity);
      const refLookups = await readRefLookups(entity);
      if (generation !== requests.current) return;
      const { jobId, result: pending } = c.preview(
        {
          fileId: opts.fileId,
          entity: opts.entity,
          ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
          ...(opts.explicit ? { mapping: opts.explicit.mapping } : {}),
          defaults: opts.explicit ? effectiveDefaults(entity, opts.explicit) : {},
          // The first look proposes "same for all" values; later the state holds the user's.
          ...(opts.explicit ? { suggestDefaults: false } : {}),
          ...(opts.explicit?.sameAs ? { sameAs: opts.explicit.sameAs } : {}),
          existing,
          refLookups,
          lang,
        },
        (fraction, stage) => setProgress({ kind: 'worker', fraction, stage }),
      );
      runningJob.current = jobId;
      try {
        const next = await pending;
        if (runningJob.current !== jobId) return; // superseded meanwhile
        if (!opts.explicit) {
          // A first look at this file: reuse the mapping saved for files shaped like it.
          const stored = await getPref<unknown>(
            getDb(),
            mappingPrefKey(opts.entity, next.headerSignature),
          );
          if (runningJob.current !== jobId) return;
          const saved = restoreSavedMapping(stored, next.headers, entity);
          // Proposed values (기관유형 = 기업 for a company list) start selected and changeable.
          const proposed: Record<string, string> = {};
          for (const d of next.sameForAll) if (d.suggested) proposed[d.field] = String(d.value);
          if (saved) {
            saved.defaults = { ...proposed, ...saved.defaults };
            dispatch({ type: 'reset', ...saved });
            setSavedMappingUsed(true);
            if (!sameMapping(saved.mapping, next.mapping) || Object.keys(saved.defaults).length) {
              runningJob.current = null;
              return runPreview({ ...opts, explicit: saved });
            }
          } else {
            dispatch({ type: 'reset', mapping: next.mapping, defaults: proposed });
            setSavedMappingUsed(false);
          }
        }
        setPreview(next);
        setPreviewJobId(jobId);
        setStale(false);
        setProgress(null);
        runningJob.current = null;
      } catch (e) {
        if (runningJob.current !== jobId) return;
        runningJob.current = null;
        setProgress(null);
        if (e instanceof ImportCancelled) setMessage(importT('cancelled', lang));
        else setMessage(importT('failed.read', lang, { message: (e as Error).message }));
      }
    },
    [lang],
  );

  const start = (fileId: number, entity: EntityName, nextSheet: string | undefined) => {
    setPreview(null);
    setPreviewJobId(null);
    setResult(null);
    setSavedMappingUsed(false);
    dispatch({ type: 'reset', mapping: [], defaults: {} });
    void runPreview({ fileId, entity, sheet: nextSheet, explicit: null });
  };

  const chooseFile = async () => {
    let picked;
    try {
      // The pipeline's own size limit, applied before the file is read (desktop: in main).
      picked = await platform.openFile({
        accept: ACCEPTED_FILES,
        maxBytes: DEFAULT_LIMITS.maxFileBytes,
      });
    } catch (e) {
      setMessage(importT('failed.read', lang, { message: (e as Error).message }));
      return;
    }
    if (!picked) return;
    const fileId = client().open(picked.name, picked.bytes);
    setFile({ id: fileId, name: picked.name });
    setSheet(undefined);
    start(fileId, entityName, undefined);
  };

  const chooseEntity = (next: EntityName) => {
    setEntityName(next);
    if (file) start(file.id, next, sheet);
  };

  const chooseSheet = (next: string) => {
    setSheet(next);
    if (file) start(file.id, entityName, next);
  };

  const editMapping = (action: MappingAction) => {
    dispatch(action);
    setStale(true);
    setEdits((n) => n + 1);
  };

  // Debounced re-preview after the user changed the mapping or a default.
  const latest = useRef({ file, entityName, sheet, mapping, runPreview });
  latest.current = { file, entityName, sheet, mapping, runPreview };
  useEffect(() => {
    if (edits === 0) return;
    const timer = setTimeout(() => {
      const s = latest.current;
      if (s.file) {
        void s.runPreview({
          fileId: s.file.id,
          entity: s.entityName,
          sheet: s.sheet,
          explicit: s.mapping,
        });
      }
    }, REPREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edits]);

  const cancel = () => {
    requests.current++; // a request still reading records must not start its job
    if (runningJob.current === null) {
      setProgress(null);
      setMessage(importT('cancelled', lang));
      return;
    }
    client().cancel(runningJob.current);
  };

  const commit = async () => {
    if (!preview || !file || stale) return;
    const entity = getEntity(entityName);
    const db = getDb();
    const total = preview.mutations.length;
    setMessage(null);
    setProgress({ kind: 'commit', done: 0, total });
    try {
      // Refused before writing when it may not fit; a failure says what is verifiably still there.
      const guard = {
        db,
        lang,
        expected: preview.mutations,
        tables: [entity.table, IMPORT_LOG_TABLE],
        recordTables: [entity.table],
      };
      const written = await guardedWrite('import', guard, (watch) =>
        mutate(db, preview.mutations, {
          origin: 'import', // every imported record is queued for sync
          lang,
          signal: watch.signal, // a stalled write is aborted, never left hanging (issue 12)
          onProgress: (done, all) => {
            watch.progress();
            setProgress({ kind: 'commit', done, total: all });
          },
          importLog: {
            fileName: preview.fileName,
            checksum: preview.checksum,
            entity: entity.name,
            counts: preview.counts,
          },
        }),
      );
      if (!written.ok) {
        const first = written.errors[0];
        setMessage(importT('commit.failed', lang, { message: first?.message ?? '' }));
        return;
      }
      await setPref(
        db,
        mappingPrefKey(entity.name, preview.headerSignature),
        toSavedMapping(mapping),
      );
      // The grid's first open after the import then reads its fresh snapshot, not every table
      // entry (issue 6). Only an accelerator: on failure the idle rebuild catches up.
      await refreshGridSnapshot(db, entity.name).catch(() => false);
      setResult({
        entity: entity.name,
        created: preview.counts.new,
        updated: preview.counts.updated,
      });
    } catch (e) {
      // Only a guarded write's message says what is still there; "nothing saved" needs proof.
      setMessage(
        e instanceof GuardedWriteError
          ? e.message
          : importT('commit.failed', lang, { message: (e as Error).message }),
      );
    } finally {
      setProgress(null);
    }
  };

  const downloadErrorReport = async () => {
    if (!preview || previewJobId === null) return;
    try {
      const bytes = await client().errorReport(previewJobId, lang);
      const name = importT('errors.reportFile', lang, { base: baseName(preview.fileName) });
      await platform.saveFile(name, bytes, XLSX_MIME);
    } catch (e) {
      setMessage(importT('errors.reportFailed', lang, { message: (e as Error).message }));
    }
  };

  const reset = () => {
    requests.current++;
    if (runningJob.current !== null) client().cancel(runningJob.current);
    setFile(null);
    setSheet(undefined);
    setPreview(null);
    setPreviewJobId(null);
    setResult(null);
    setMessage(null);
    setProgress(null);
    dispatch({ type: 'reset', mapping: [], defaults: {} });
  };

  return {
    lang,
    /** the worker client (the KICOX workbook path shares the open file) */
    client,
    entity: getEntity(entityName),
    file,
    sheet: sheet ?? preview?.sheet ?? undefined,
    mapping,
    preview,
    stale,
    savedMappingUsed,
    progress,
    message,
    result,
    chooseFile,
    chooseEntity,
    chooseSheet,
    editMapping,
    cancel,
    commit,
    downloadErrorReport,
    reset,
  };
}

export type ImportSession = ReturnType<typeof useImportSession>;
