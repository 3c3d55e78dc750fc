/**
 * A validated row against the file's earlier rows and the existing records: duplicate in the
 * file, new, unchanged or updated (each changed field as before → after), and a weak-key match
 * ("같은 사람일 수 있음") offered to the user, never merged silently. Pushes the mutations.
 */
import type { RecordData } from '../registry';
import { displayValue } from './explain';
import { completeWeakParts, conflicts, type KeyParts } from './matching';
import { importMessage } from './messages';
import type { TableRow } from './table';
import { located, noteOf, titleOf, type PreviewContext } from './previewContext';
import {
  MAX_PREVIEW_NOTES,
  type ExistingRecord,
  type FieldChange,
  type MaybeSame,
  type PreviewRow,
} from './previewTypes';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function matchRow(
  ctx: PreviewContext,
  tr: TableRow,
  base: PreviewRow,
  values: RecordData,
  defaulted: ReadonlySet<string>,
  clusterId: string | undefined,
): PreviewRow {
  const { entity, lang } = ctx;
  const parts = ctx.matcher.parts(values);
  const earlier = ctx.seenInFile.find(parts);
  if (earlier !== undefined) {
    noteOf(
      ctx,
      base,
      tr.rowNumber,
      null,
      importMessage(
        'duplicateInFile',
        { row: earlier, key: describeKey(ctx, values, parts) },
        lang,
      ),
    );
    return { ...base, status: 'duplicate', values, duplicateOf: earlier };
  }
  ctx.seenInFile.add(tr.rowNumber, parts);

  let match = ctx.existingIndex.find(parts);
  let maybeSame: MaybeSame[] | undefined;
  if (!match && (entity.weakKeys ?? []).length > 0) {
    const chosen = ctx.opts.sameAs?.[tr.rowNumber];
    if (chosen && ctx.existingById.has(chosen)) match = ctx.existingById.get(chosen);
    maybeSame = offerWeakMatches(ctx, tr, values, parts, match);
  }
  if (!match) {
    ctx.mutations.push(
      clusterId
        ? { entity: entity.name, op: 'create', values, clusterId }
        : { entity: entity.name, op: 'create', values },
    );
    return { ...base, status: 'new', values, ...(maybeSame ? { maybeSame } : {}) };
  }
  const firstRow = ctx.matchedIds.get(match.id);
  if (firstRow !== undefined)
    return { ...base, status: 'duplicate', values, id: match.id, duplicateOf: firstRow };
  ctx.matchedIds.set(match.id, tr.rowNumber);
  return updateOf(ctx, tr, base, values, defaulted, match);
}

/** Existing records sharing only a weak key (an expert's name): listed, not merged. */
function offerWeakMatches(
  ctx: PreviewContext,
  tr: TableRow,
  values: RecordData,
  parts: KeyParts,
  match: ExistingRecord | undefined,
): MaybeSame[] | undefined {
  const weak = ctx.weakIndex
    .findAll(completeWeakParts(ctx.weakMatcher.parts(values)))
    .filter((rec) => !conflicts(parts, ctx.existingParts.get(rec.id)!))
    .filter((rec) => !ctx.matchedIds.has(rec.id));
  if (weak.length === 0) return undefined;
  const maybeSame = weak.slice(0, 5).map((rec) => ({ id: rec.id, title: titleOf(ctx, rec) }));
  ctx.counters.possibleMatchesTotal++;
  if (ctx.possibleMatches.length < MAX_PREVIEW_NOTES) {
    const key = ctx.entity.name === 'expert' ? 'maybeSamePerson' : 'maybeSameRecord';
    const text = located(
      ctx,
      tr.rowNumber,
      null,
      importMessage(key, { title: maybeSame[0]!.title }, ctx.lang),
    ).text;
    ctx.possibleMatches.push({
      row: tr.rowNumber,
      title: titleOf(ctx, values),
      candidates: maybeSame,
      ...(match ? { chosen: match.id } : {}),
      text,
    });
  }
  return maybeSame;
}

function updateOf(
  ctx: PreviewContext,
  tr: TableRow,
  base: PreviewRow,
  values: RecordData,
  defaulted: ReadonlySet<string>,
  match: ExistingRecord,
): PreviewRow {
  const changed: RecordData = {};
  const changes: FieldChange[] = [];
  for (const [k, v] of Object.entries(values)) {
    // A default never overwrites a matched record (it is for new records only).
    if (defaulted.has(k) || same(match[k], v)) continue;
    changed[k] = v;
    changes.push({ field: k, before: match[k] ?? null, after: v });
  }
  const changedFields = Object.keys(changed);
  if (changedFields.length === 0) return { ...base, status: 'unchanged', values, id: match.id };
  ctx.mutations.push({ entity: ctx.entity.name, op: 'update', id: match.id, values: changed });
  if (ctx.updates.length < MAX_PREVIEW_NOTES) {
    ctx.updates.push({
      row: tr.rowNumber,
      id: match.id,
      title: titleOf(ctx, match) || titleOf(ctx, values),
      changes: changes.map((c) => {
        const f = ctx.fieldsByKey.get(c.field);
        return {
          ...c,
          label: f?.label[ctx.lang] ?? c.field,
          beforeText: displayValue(f, c.before, ctx.lang),
          afterText: displayValue(f, c.after, ctx.lang),
        };
      }),
    });
  }
  return { ...base, status: 'updated', values, id: match.id, changedFields, changes };
}

/** `지표 생산액 · 기간 2026-03 · 산업단지 (빈 값)`: the key a duplicate shares, as the user reads it. */
function describeKey(ctx: PreviewContext, values: RecordData, parts: KeyParts): string {
  const i = parts.findIndex((p) => p.some((x) => x !== ''));
  const set = i >= 0 ? ctx.keySets[i]! : [ctx.entity.titleField];
  return set
    .map((k) => {
      const f = ctx.fieldsByKey.get(k);
      return `${f?.label[ctx.lang] ?? k} ${displayValue(f, values[k], ctx.lang)}`;
    })
    .join(' · ');
}
