/**
 * The KICOX path of the import page: when a file is opened for 성과지표, the worker also reads it as a
 * KICOX 국가산업단지 산업동향 workbook; when it has such tables, the page shows them sheet by sheet
 * and commits every sheet's indicators in ONE mutate() call with its import log entry.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb, mutate, queryRecords } from '../../../db';
import type { Lang } from '../../../../shared/registry';
import type { KicoxSummary } from '../protocol';
import { ImportCancelled, type ImportWorkerClient } from '../workerClient';

export interface KicoxCommitResult {
  created: number;
  updated: number;
}

export interface KicoxSessionInput {
  /** the open file, when the chosen target is 성과지표 (other targets never read it this way) */
  fileId: number | null;
  lang: Lang;
  client: () => ImportWorkerClient;
}

export function useKicoxWorkbook({ fileId, lang, client }: KicoxSessionInput) {
  const [preview, setPreview] = useState<KicoxSummary | null>(null);
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<{ key: 'failed' | 'commitFailed'; message: string } | null>(
    null,
  );
  const [result, setResult] = useState<KicoxCommitResult | null>(null);
  const job = useRef<number | null>(null);
  // The session hands a new closure each render; the latest one is used, never a dependency.
  const clientRef = useRef(client);
  clientRef.current = client;

  const read = useCallback(
    async (id: number) => {
      const c = clientRef.current();
      if (job.current !== null) c.cancel(job.current);
      setReading(true);
      setError(null);
      // The worker compares with the live indicators (a re-import must write nothing).
      const existing = await queryRecords(getDb(), 'indicator');
      const { jobId, result: pending } = c.kicox({ fileId: id, existing, lang });
      job.current = jobId;
      try {
        const next = await pending;
        if (job.current !== jobId) return;
        setPreview(next);
      } catch (e) {
        if (job.current !== jobId || e instanceof ImportCancelled) return;
        setError({ key: 'failed', message: (e as Error).message });
      } finally {
        if (job.current === jobId) {
          job.current = null;
          setReading(false);
        }
      }
    },
    [lang],
  );

  useEffect(() => {
    setPreview(null);
    setResult(null);
    setError(null);
    if (fileId !== null) void read(fileId);
  }, [fileId, read]);

  const commit = async () => {
    if (!preview || saving) return;
    setError(null);
    setSaving({ done: 0, total: preview.mutations.length });
    try {
      const c = preview.counts;
      const written = await mutate(getDb(), preview.mutations, {
        origin: 'import',
        lang,
        onProgress: (done, total) => setSaving({ done, total }),
        importLog: {
          fileName: preview.fileName,
          checksum: preview.checksum,
          entity: 'indicator',
          // Withheld cells are the rows "skipped"; duplicates across tables are duplicates.
          counts: {
            new: c.new,
            updated: c.updated,
            unchanged: c.unchanged,
            duplicate: c.duplicate,
            skipped: c.withheld,
            error: c.error,
          },
        },
      });
      if (!written.ok) {
        setError({ key: 'commitFailed', message: written.errors[0]?.message ?? '' });
        return;
      }
      setResult({ created: c.new, updated: c.updated });
    } catch (e) {
      setError({ key: 'commitFailed', message: (e as Error).message });
    } finally {
      setSaving(null);
    }
  };

  return {
    /** true when the open file holds at least one KICOX table */
    active: (preview?.sheets.length ?? 0) > 0,
    preview,
    reading,
    saving,
    error,
    result,
    commit,
  };
}

export type KicoxSession = ReturnType<typeof useKicoxWorkbook>;
