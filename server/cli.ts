/**
 * The central office's admin commands: `token create|list|revoke`, `cluster create|list`,
 * `migrate`. Each opens the same database the server uses and prints a plain answer.
 */
import {
  AdminError,
  createCluster,
  createToken,
  listClusters,
  listTokens,
  revokeToken,
  type Role,
} from './auth/tokens';
import type { Db } from './db/types';

export const USAGE = `Usage:
  npm run server -- [--port 4790] [--host 127.0.0.1] [--data ./server-data]
  npm run server -- token create --cluster gumi --role team [--label "구미 노트북"]
  npm run server -- token create --role hq [--label 사무국]
  npm run server -- token list
  npm run server -- token revoke <id>
  npm run server -- cluster create --code pohang --name 포항
  npm run server -- cluster list
  npm run server -- migrate
Environment: PORT, HOST, PUMASI_DATA_DIR, DATABASE_URL, LOG_LEVEL, PUMASI_RATE_LIMIT`;

/** Runs one admin command; returns the text to print. Throws AdminError on bad input. */
export async function runAdmin(
  db: Db,
  command: string[],
  flags: Record<string, string | undefined>,
): Promise<string> {
  const [group, action, arg] = command;
  if (group === 'token' && action === 'create') {
    const t = await createToken(db, {
      role: (flags.role ?? 'team') as Role,
      ...(flags.cluster ? { cluster: flags.cluster } : {}),
      ...(flags.label ? { label: flags.label } : {}),
    });
    return [
      `토큰 ${t.id} (${t.role}, ${t.clusterCode}) — 지금 한 번만 표시됩니다 / shown once:`,
      t.token,
    ].join('\n');
  }
  if (group === 'token' && action === 'list') {
    return listTokens(db).then((rows) =>
      rows
        .map(
          (r) =>
            `${r.id}\t${r.role}\t${r.cluster_code}\t${r.revoked_at ? 'revoked ' + r.revoked_at : 'active'}\t${r.label}`,
        )
        .join('\n'),
    );
  }
  if (group === 'token' && action === 'revoke' && arg) {
    await revokeToken(db, arg);
    return `토큰 ${arg} 폐기됨 / revoked`;
  }
  if (group === 'cluster' && action === 'create' && flags.code) {
    await createCluster(db, flags.code, flags.name ?? flags.code);
    return `클러스터 ${flags.code} 준비됨 / ready`;
  }
  if (group === 'cluster' && action === 'list') {
    return (await listClusters(db)).map((c) => `${c.code}\t${c.name}`).join('\n');
  }
  if (group === 'migrate') return '마이그레이션 완료 / migrations applied';
  throw new AdminError(`알 수 없는 명령 / unknown command: ${command.join(' ')}\n${USAGE}`);
}
