/**
 * Device tokens: 32 random bytes (256 bits) shown once at creation, stored only as their
 * SHA-256. A slow password hash (bcrypt, scrypt) protects guessable secrets; a 256-bit random
 * token cannot be guessed, so a fast hash loses nothing and allows an indexed lookup per request.
 * Anyone reading the database (or a backup) learns no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CENTRAL_OFFICE_CODE, enums } from '../../shared/registry/enums';
import type { Db, Queryable } from '../db/types';

export type Role = 'team' | 'hq';
export const TOKEN_PREFIX = 'pumasi_';

export interface TokenPrincipal {
  tokenId: string;
  clusterCode: string;
  role: Role;
}

export interface TokenRow {
  id: string;
  cluster_code: string;
  role: Role;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export class AdminError extends Error {}

/** The clusters every install starts with: the registry's clusters and the central office. */
export const clusterSeedRows = (): Array<{ code: string; name: string }> =>
  enums.recordOwner.map((o) => ({ code: o.code, name: o.label.ko }));

/** The registry's clusters and the central office exist from the start; others via `cluster create`. */
export async function seedClusters(db: Queryable): Promise<void> {
  const rows = clusterSeedRows();
  await db.query(
    `INSERT INTO clusters (code, name)
     SELECT x.code, x.name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

export async function createCluster(db: Db, code: string, name: string): Promise<void> {
  if (!/^[a-z][a-z0-9-]{1,31}$/.test(code)) {
    throw new AdminError(
      `클러스터 코드는 영문 소문자·숫자·- 2–32자입니다 / cluster code must be 2–32 of a-z 0-9 -: ${code}`,
    );
  }
  await db.query('INSERT INTO clusters (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    code,
    name || code,
  ]);
}

export async function listClusters(db: Db): Promise<Array<{ code: string; name: string }>> {
  return (
    await db.query<{ code: string; name: string }>('SELECT code, name FROM clusters ORDER BY code')
  ).rows;
}

/** Creates a token and returns it: the only time the plain token exists. */
export async function createToken(
  db: Db,
  opts: { cluster?: string; role: Role; label?: string },
): Promise<{ id: string; token: string; clusterCode: string; role: Role }> {
  if (opts.role !== 'team' && opts.role !== 'hq') {
    throw new AdminError(
      `역할은 team 또는 hq입니다 / role must be team or hq: ${String(opts.role)}`,
    );
  }
  // hq tokens act for the central office: they read everything and write its records.
  const clusterCode = opts.role === 'hq' ? CENTRAL_OFFICE_CODE : (opts.cluster ?? '');
  if (opts.role === 'hq' && opts.cluster && opts.cluster !== CENTRAL_OFFICE_CODE) {
    throw new AdminError(
      `hq 토큰은 사무국(${CENTRAL_OFFICE_CODE}) 소속입니다 / an hq token belongs to ${CENTRAL_OFFICE_CODE}`,
    );
  }
  if (opts.role === 'team' && clusterCode === CENTRAL_OFFICE_CODE) {
    throw new AdminError(
      '사무국 토큰은 --role hq로 만듭니다 / use --role hq for the central office',
    );
  }
  const known = await db.query('SELECT 1 FROM clusters WHERE code = $1', [clusterCode]);
  if (known.rows.length === 0) {
    throw new AdminError(
      `알 수 없는 클러스터: ${clusterCode} (cluster create로 먼저 만드세요) / unknown cluster: ${clusterCode}`,
    );
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = randomBytes(6).toString('hex');
  await db.query(
    'INSERT INTO tokens (id, hash, cluster_code, role, label) VALUES ($1, $2, $3, $4, $5)',
    [id, hashToken(token), clusterCode, opts.role, opts.label ?? ''],
  );
  return { id, token, clusterCode, role: opts.role };
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return (
    await db.query<TokenRow>(
      `SELECT id, cluster_code, role, label, created_at::text AS created_at,
              revoked_at::text AS revoked_at
       FROM tokens ORDER BY created_at, id`,
    )
  ).rows;
}

export async function revokeToken(db: Db, id: string): Promise<void> {
  const r = await db.query<{ id: string }>(
    'UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  if (r.rows.length === 0) {
    throw new AdminError(`없거나 이미 폐기된 토큰: ${id} / no such active token: ${id}`);
  }
}

export type TokenCheck =
  { ok: true; principal: TokenPrincipal } | { ok: false; error: 'token_invalid' | 'token_revoked' };

export async function verifyToken(db: Queryable, token: string): Promise<TokenCheck> {
  const r = await db.query<{ id: string; cluster_code: string; role: Role; revoked: boolean }>(
    'SELECT id, cluster_code, role, revoked_at IS NOT NULL AS revoked FROM tokens WHERE hash = $1',
    [hashToken(token)],
  );
  const row = r.rows[0];
  if (!row) return { ok: false, error: 'token_invalid' };
  if (row.revoked) return { ok: false, error: 'token_revoked' };
  return {
    ok: true,
    principal: { tokenId: row.id, clusterCode: row.cluster_code, role: row.role },
  };
}
