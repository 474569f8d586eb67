import { timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import { AppError, invalid, notFound } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit, recordAudits } from '../audit/audit.service';
import {
  cardStatus, codeExpiresAt, codeFresh, formatCardCode, minuteOf, parseCardCode, signedText, type CardCheckOutcome, type CardPrivilegeKind,
} from '../../../domain/talent-card/card';
import {
  findCard, findCurrentCard, findLatestCard, findTalentForCard, findTier, insertCard, insertCheck, listCards, listPrivileges, markRevoked, recentChecks,
  replacePrivileges, talentsWithoutCard, type CardListRow, type CardQuery,
} from './talent-card.repo';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
/** The longest validity the office may give a card: five years from today. */
const maxYears = 5;

function checkValidUntil(validUntil: string, now: Date) {
  const today = dayOf(now);
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + maxYears);
  if (validUntil <= today || validUntil > dayOf(limit)) throw invalid({ validUntil: { code: 'card.validUntil' } });
}

/** A card as its readers see it: number, holder, tier, validity, status on the day. */
export function cardView({ card, talentName, tierName, tierNameEn }: CardListRow, now: Date) {
  return {
    id: card.id,
    number: card.number,
    talentId: card.talentId,
    talentName,
    tier: card.tier,
    tierName,
    tierNameEn,
    validUntil: card.validUntil,
    issuedAt: card.issuedAt.toISOString(),
    revokedAt: card.revokedAt?.toISOString() ?? null,
    revokedReason: card.revokedReason,
    status: cardStatus(card, dayOf(now)),
    version: card.version,
  };
}

/** A page of the zone's cards as their readers see them, the status filter and each card's status judged on the same day. */
export async function listCardViews(db: Db, query: Omit<CardQuery, 'today'>, now = new Date()) {
  const page = await listCards(db, { ...query, today: dayOf(now) });
  return { items: page.items.map((row) => cardView(row, now)), total: page.total };
}

/**
 * Issues a card to a talent with a recognised tier. A card that lapsed is replaced (revoked as renewed in the same
 * transaction); a current one is a 409 naming its number. Two offices issuing at once: the partial unique index lets one
 * card through, and the other gets the same 409.
 */
export async function issueCard(db: Db, actor: Actor, input: { talentId: string; validUntil: string }, now = new Date()) {
  checkValidUntil(input.validUntil, now);
  return db.transaction(async (tx) => {
    const talent = await findTalentForCard(tx, input.talentId);
    if (!talent) throw invalid({ talentId: { code: 'binding.notFound' } });
    if (!talent.tier) throw new AppError(409, 'cardNoTier');
    const current = await findCurrentCard(tx, talent.id, true);
    if (current && cardStatus(current.card, dayOf(now)) === 'active') throw new AppError(409, 'cardExists', { number: current.card.number });
    if (current) {
      await markRevoked(tx, current.card.id, actor.userId, 'renewed');
      await recordAudit(tx, actor, { action: 'talentCard.revoke', targetType: 'talentCard', targetId: current.card.id, changes: { number: current.card.number, reason: 'renewed' } });
    }
    const card = await insertCard(tx, { talentId: talent.id, tier: talent.tier, validUntil: input.validUntil, issuedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'talentCard.issue',
      targetType: 'talentCard',
      targetId: card.id,
      changes: { number: card.number, talentId: talent.id, tier: card.tier, validUntil: card.validUntil },
    });
    return cardView((await findCard(tx, card.id))!, now);
  });
}

/** Cards to every in-zone talent with a tier and no current card, 200 per transaction so others' requests interleave. */
export async function issueAllCards(db: Db, actor: Actor, input: { validUntil: string }, now = new Date(), chunk = 200) {
  checkValidUntil(input.validUntil, now);
  let issued = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await talentsWithoutCard(db, after, chunk);
    if (!batch.length) break;
    after = batch[batch.length - 1].id;
    issued += await db.transaction(async (tx) => {
      const entries = [];
      for (const talent of batch) {
        // a card issued meanwhile by someone else: skip the talent rather than fail the chunk
        if (await findCurrentCard(tx, talent.id, true)) continue;
        const card = await insertCard(tx, { talentId: talent.id, tier: talent.tier!, validUntil: input.validUntil, issuedBy: actor.userId });
        entries.push({ action: 'talentCard.issue', targetType: 'talentCard', targetId: card.id, changes: { number: card.number, talentId: talent.id, tier: card.tier, validUntil: card.validUntil } });
      }
      await recordAudits(tx, actor, entries);
      return entries.length;
    });
  }
  return { issued };
}

export async function revokeCard(db: Db, actor: Actor, id: string, input: { reason: string; version: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await findCard(tx, id, true);
    if (!row) throw notFound();
    if (row.card.revokedAt) throw new AppError(409, 'cardRevoked');
    if (row.card.version !== input.version) throw new AppError(409, 'conflict');
    await markRevoked(tx, id, actor.userId, input.reason);
    await recordAudit(tx, actor, { action: 'talentCard.revoke', targetType: 'talentCard', targetId: id, changes: { number: row.card.number, reason: input.reason } });
    return cardView((await findCard(tx, id))!, now);
  });
}

/**
 * 我的人才卡: the talent's latest card with its tier's privileges, its latest checks, and — while the card is active — a
 * code for this minute as a QR image that opens the service point's check page.
 */
export async function myCard(db: Db, secrets: Secrets, user: SessionUser, origin: string, now = new Date()) {
  const row = user.talentId ? await findLatestCard(db, user.talentId) : undefined;
  if (!row) throw new AppError(404, 'cardNone');
  const view = cardView(row, now);
  const [privileges, checks] = await Promise.all([listPrivileges(db, row.card.tier), recentChecks(db, row.card.id)]);
  let code = null;
  if (view.status === 'active') {
    const minute = minuteOf(now);
    const text = formatCardCode(row.card.id, minute, secrets.cardSignature);
    const url = `${origin}/card-check?code=${encodeURIComponent(text)}`;
    code = { text, url, qrCode: await QRCode.toDataURL(url, { margin: 1, width: 240 }), expiresAt: codeExpiresAt(minute).toISOString(), refreshAt: codeExpiresAt(minute - 1).toISOString() };
  }
  return {
    card: view,
    privileges: privileges.map(({ kind, detail, detailEn }) => ({ kind, detail, detailEn })),
    checks: checks.map((check) => ({ outcome: check.outcome, servicePoint: check.servicePoint, checkedAt: check.checkedAt.toISOString() })),
    code,
  };
}

const sameSignature = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * A service point checks a code: valid (then, and only then, the holder's name and tier), expired (older than two
 * minutes), revoked, lapsed (past the card's validity) or invalid (not a card code, or a signature that does not match:
 * tampered). Every check is kept on the card and in the audit log.
 */
export async function checkCardCode(db: Db, secrets: Secrets, actor: Actor & { userId: string }, input: { code: string; servicePoint?: string }, now = new Date()) {
  const parsed = parseCardCode(input.code);
  const signed = parsed !== null && sameSignature(parsed.signature, secrets.cardSignature(signedText(parsed.cardId, parsed.minute)));
  return db.transaction(async (tx) => {
    const row = signed ? await findCard(tx, parsed.cardId) : undefined;
    let outcome: CardCheckOutcome = 'invalid';
    if (row) {
      const status = cardStatus(row.card, dayOf(now));
      outcome = status === 'revoked' ? 'revoked' : status === 'lapsed' ? 'lapsed' : codeFresh(parsed!.minute, now) ? 'valid' : 'expired';
    }
    const check = await insertCheck(tx, { cardId: row?.card.id ?? null, outcome, servicePoint: input.servicePoint || null, checkedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'talentCard.check',
      targetType: 'talentCard',
      targetId: row?.card.id ?? null,
      result: outcome === 'valid' ? 'success' : 'denied',
      changes: { outcome, servicePoint: input.servicePoint || null },
    });
    const holder = outcome === 'valid' && row ? { name: row.talentName, tierName: row.tierName, tierNameEn: row.tierNameEn } : null;
    return { outcome, holder, checkedAt: check.checkedAt.toISOString() };
  });
}

export async function privilegesByTier(db: Db) {
  const rows = await listPrivileges(db);
  return rows.map(({ tier, kind, detail, detailEn }) => ({ tier, kind, detail, detailEn }));
}

/** Sets a tier's privileges (the whole set: kinds left out are dropped). */
export async function savePrivileges(db: Db, actor: Actor, tier: string, rows: { kind: CardPrivilegeKind; detail: string; detailEn: string }[]) {
  const kinds = rows.map((row) => row.kind);
  const repeated = kinds.findIndex((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated >= 0) throw invalid({ [`privileges.${repeated}.kind`]: { code: 'invalidValue' } });
  return db.transaction(async (tx) => {
    if (!(await findTier(tx, tier))) throw notFound();
    const before = await listPrivileges(tx, tier);
    await replacePrivileges(tx, tier, rows);
    await recordAudit(tx, actor, {
      action: 'talentCard.privileges',
      targetType: 'tier',
      targetId: tier,
      changes: { from: before.map((row) => row.kind), to: kinds },
    });
    return (await listPrivileges(tx, tier)).map(({ tier: code, kind, detail, detailEn }) => ({ tier: code, kind, detail, detailEn }));
  });
}
