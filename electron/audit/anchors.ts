import type { ServiceContext } from '../core/session';
import type { Vault } from '../vault/vault';
import { listBackups } from '../backup/backup';
import { readBackupSettings } from '../services/backup';
import { verifyAuditChainDb, verifyAuditChainParallel, type KnownAnchor, type VerifyResult } from './verify';

/**
 * Every chain head known outside the live database: the vault's anchor (authenticated with a key
 * derived from the data key) and the head recorded in each backup manifest of this timeline.
 */
export async function knownAnchors(
  ctx: ServiceContext,
  vault: Vault,
  extraFolders: string[] = [],
): Promise<{ anchors: KnownAnchor[]; problem: string | null }> {
  const check = vault.auditAnchor(ctx.dataKey);
  const anchors: KnownAnchor[] = [];
  if (check.anchor) anchors.push({ ...check.anchor, source: 'nyckelfilen' });
  const problem = check.authentic ? null : 'Kontrollpunkten i nyckelfilen (vault.json) har ändrats utanför programmet.';
  const folders = [(await readBackupSettings(ctx.db)).folder, ...extraFolders].filter(Boolean);
  const epoch = vault.epoch();
  for (const folder of new Set(folders)) {
    for (const b of listBackups(folder)) {
      if (b.manifest.auditHead && (b.manifest.epoch ?? null) === epoch) {
        anchors.push({ ...b.manifest.auditHead, source: `säkerhetskopian från ${b.manifest.createdAt}` });
      }
    }
  }
  return { anchors, problem };
}

/** The live chain checked against every known anchor. */
export async function verifyLiveAudit(
  ctx: ServiceContext,
  vault: Vault,
  extraFolders: string[] = [],
): Promise<VerifyResult> {
  const { anchors, problem } = await knownAnchors(ctx, vault, extraFolders);
  if (problem) return { ok: false, checked: 0, firstBrokenId: anchors[0]?.id ?? null, reason: problem };
  return ctx.dialect === 'postgres'
    ? verifyAuditChainDb(ctx.db, anchors)
    : verifyAuditChainParallel(ctx.raw, anchors, { key: ctx.dataKey });
}
