import { beijingDate } from '../../../domain/calendar';
import { recordRegistryEvents } from '../retention/retention.service';
import { eq, sql } from 'drizzle-orm';
import { educationLabels, titleLabels } from '../../../domain/dictionaries';
import type { z } from 'zod';
import { issueProblem } from '../../../domain/issues';
import { exactNumberOf, highestEducation, highestTitle, talentInput, type TalentInput, type TalentUpdateInput } from '../../../domain/talent';
import { birthYearOf, maskIdNumber, parseIdNumber } from '../../../domain/validators/id-number';
import { maskPhone, parseMobilePhone } from '../../../domain/validators/phone';
import type { Db, Executor } from '../../db/client';
import { organisations, talents } from '../../db/schema';
import { AppError, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor, SessionUser } from '../../plugins/auth';
import { nameInitials, searchDocument, searchQuery } from '../../search/segment';
import type { Secrets } from '../../security/secrets';
import { diff, recordAudit } from '../audit/audit.service';
import { regionName } from '../reference/regions';
import { findIndustry, findTier } from '../reference/reference.repo';
import { canLookUpNumbers, canReveal, talentReadScope, talentWriteScope } from './talents.policies';
import {
  addStatusEntry, anyOf, findByIdNumberHash, findSameNameAndPhone, findTalent, insertTalents, listTalents, loadTalentChildren, lockExactLookups, namePrefix, recentExactLookups,
  searchListLimits, setVerification, updateTalentRecord, type SearchListLimits, type TalentFields, type TalentFilters, type TalentRecord, type TalentRow, type TalentSort,
} from './talents.repo';

/** Fields the office can mark as verified; a talent cannot change them afterwards. */
export const verifiableFields = ['name', 'idNumber', 'gender', 'birthDate', 'educations', 'titles', 'certificates', 'employerId', 'post', 'arrivalRoute', 'arrivedOn', 'tier'] as const;
export type VerifiableField = (typeof verifiableFields)[number];

const today = () => new Date().toISOString().slice(0, 10);

/** The stored form of a talent: encrypted identity, look-up hashes, the phone's mask, derived facts, search words. */
export function talentRecord(input: TalentInput, secrets: Secrets, employerLabel: string | null): TalentRecord {
  const identity = parseIdNumber(input.idNumber);
  if (!identity.ok) throw invalid({ idNumber: { code: `idNumber.${identity.problem}` } });
  const phone = input.phone ? parseMobilePhone(input.phone) : null;
  const phoneValue = phone?.ok ? phone.value : null;
  const educations = input.educations.map((education) => ({ ...education, startYear: education.startYear ?? null }));
  const highest = highestEducation(educations);
  const title = highestTitle(input.titles);
  return {
    values: {
      name: input.name,
      gender: identity.value.gender,
      birthDate: identity.value.birthDate,
      idNumberCipher: secrets.encrypt(identity.value.idNumber),
      idNumberHash: secrets.lookupHash(identity.value.idNumber),
      ethnicity: input.ethnicity ?? null,
      // sealed like the ID number: in clear, the city code would narrow the number's area to that city's counties
      nativePlace: null,
      nativePlaceCipher: input.nativePlace ? secrets.encrypt(input.nativePlace) : null,
      politicalStatus: input.politicalStatus ?? null,
      phoneCipher: phoneValue ? secrets.encrypt(phoneValue) : null,
      phoneHash: phoneValue ? secrets.lookupHash(phoneValue) : null,
      phoneMasked: phoneValue ? maskPhone(phoneValue) : null,
      email: input.email ?? null,
      employerId: input.employerId ?? null,
      employerName: input.employerId ? null : (input.employerName ?? null),
      post: input.post ?? null,
      industry: input.industry ?? null,
      salaryBand: input.salaryBand ?? null,
      arrivalRoute: input.arrivalRoute,
      arrivedOn: input.arrivedOn ?? null,
      tier: input.tier ?? null,
      tags: [...new Set(input.tags)],
      status: input.status,
      highestEducation: highest,
      highestTitle: title,
      nameInitials: nameInitials(input.name),
      searchDocument: searchDocument([
        input.name,
        employerLabel,
        input.employerName,
        input.post,
        ...educations.flatMap((education) => [education.school, education.major, educationLabels[education.level]]),
        ...input.titles.flatMap((entry) => [entry.series, entry.name, titleLabels[entry.level]]),
        ...input.certificates.map((certificate) => certificate.name),
        ...input.tags,
      ]),
    },
    children: {
      educations,
      titles: input.titles,
      certificates: input.certificates.map((certificate) => ({ ...certificate, issuer: certificate.issuer ?? '' })),
    },
  };
}

/**
 * Checks what the schema cannot: references to data (industry, tier, region, employer) and the one-ID-one-talent rule.
 * `duplicateOf` is the ID number when the answer says it belongs to another talent (see `chargeDuplicateAnswer`).
 */
async function referenceProblems(executor: Executor, input: TalentInput, secrets: Secrets, user: SessionUser, current?: TalentRow) {
  const problems: Record<string, FieldProblem> = {};
  // an industry the office has since deactivated stays valid on the records that already have it
  const keptIndustry = current !== undefined && input.industry === current.industry;
  if (input.industry && !keptIndustry && !(await findIndustry(executor, input.industry))?.active) problems.industry = { code: 'reference.unknown' };
  if (input.tier && !(await findTier(executor, input.tier))) problems.tier = { code: 'reference.unknown' };
  if (input.nativePlace && !regionName(input.nativePlace)) problems.nativePlace = { code: 'reference.unknown' };
  let employerLabel: string | null = null;
  if (input.employerId) {
    const [employer] = await executor.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.employerId));
    if (!employer) problems.employerId = { code: 'reference.unknown' };
    employerLabel = employer?.name ?? null;
  }
  const identity = parseIdNumber(input.idNumber);
  let duplicateOf: string | null = null;
  if (identity.ok) {
    const existing = await findByIdNumberHash(executor, secrets.lookupHash(identity.value.idNumber), talentReadScope(user));
    if (existing && existing.id !== current?.id) {
      problems.idNumber = existing.visible ? { code: 'idNumber.duplicate', params: { name: existing.name } } : { code: 'idNumber.duplicateHidden' };
      duplicateOf = identity.value.idNumber;
    }
  }
  return { problems, employerLabel, duplicateOf };
}

/**
 * An answer that an ID number is already registered (`idNumber.duplicate`/`duplicateHidden`) confirms a guessed
 * number as an exact look-up would: for everyone but the office it counts as one (`countExactLookup`: audited as
 * `talent.lookup` with the number masked and the detail `duplicateCheck`, 20 per user and hour), and over the limit the
 * answer is the 429 `lookupLimit` instead. Called outside the refused write's transaction, so the count stays.
 */
async function chargeDuplicateAnswer(db: Db, actor: Actor, user: SessionUser, idNumber: string) {
  if (canLookUpNumbers(user)) return;
  await countExactLookup(db, actor, user, { kind: 'idNumber', value: idNumber }, 'duplicateCheck');
}

/** Enterprise HR registers and edits its own staff only: the employer is forced to be the HR's enterprise. */
function employerFor(user: SessionUser, input: TalentInput): TalentInput {
  if (user.roles.includes('office') || !user.roles.includes('enterprise') || !user.organisationId) return input;
  return { ...input, employerId: user.organisationId, employerName: null };
}

export type CreateTalentOptions = { confirmPossibleDuplicate?: boolean };

export async function createTalent(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, rawInput: TalentInput, options: CreateTalentOptions = {}) {
  const input = employerFor(user, rawInput);
  const { problems, employerLabel, duplicateOf } = await referenceProblems(db, input, secrets, user);
  if (duplicateOf) await chargeDuplicateAnswer(db, actor, user, duplicateOf);
  if (Object.keys(problems).length) throw invalid(problems);
  const phone = input.phone ? parseMobilePhone(input.phone) : null;
  if (phone?.ok && !options.confirmPossibleDuplicate && (await findSameNameAndPhone(db, input.name, secrets.lookupHash(phone.value)))) {
    throw new AppError(409, 'possibleDuplicate', { name: input.name }, { phone: { code: 'talent.samePhone' } });
  }
  const record = talentRecord(input, secrets, employerLabel);
  return db.transaction(async (tx) => {
    const [row] = await insertTalents(tx, [record], actor.userId);
    await recordAudit(tx, actor, { action: 'talent.create', targetType: 'talent', targetId: row.id, changes: auditView(input) });
    return talentDetail(tx, secrets, user, row.id);
  });
}

/** The input as it compares against the stored record, for the verified-fields rule. */
function currentInputOf(row: TalentRow, children: Awaited<ReturnType<typeof loadTalentChildren>>, secrets: Secrets): Record<VerifiableField, unknown> {
  return {
    name: row.name,
    idNumber: secrets.decrypt(row.idNumberCipher),
    gender: row.gender,
    birthDate: row.birthDate,
    educations: children.educations.map(({ level, degree, school, major, startYear, graduationYear, fullTime, overseas }) => ({ level, degree, school, major, startYear, graduationYear, fullTime, overseas })),
    titles: children.titles.map(({ level, series, name, year }) => ({ level, series, name, year })),
    certificates: children.certificates.map(({ name, level, issuer, year }) => ({ name, level, issuer, year })),
    employerId: row.employerId,
    post: row.post,
    arrivalRoute: row.arrivalRoute,
    arrivedOn: row.arrivedOn,
    tier: row.tier,
  };
}

/** The input as the audit log keeps it: sensitive keys are masked by recordAudit. */
const auditView = (input: TalentInput) => ({ ...input });

type TalentChildRows = Awaited<ReturnType<typeof loadTalentChildren>>;

/**
 * The stored record as the input that would save it unchanged (the identity decrypted): the base an update's fields
 * are laid over, and the "before" of its audit diff. Gender and birth date are left out: the ID number gives them.
 */
export function storedInput(row: TalentRow, children: TalentChildRows, secrets: Secrets): TalentInput {
  return {
    name: row.name,
    idNumber: secrets.decrypt(row.idNumberCipher),
    ethnicity: row.ethnicity as TalentInput['ethnicity'],
    nativePlace: nativePlaceOf(row, secrets),
    politicalStatus: row.politicalStatus,
    phone: row.phoneCipher ? secrets.decrypt(row.phoneCipher) : null,
    email: row.email,
    educations: children.educations.map(({ level, degree, school, major, startYear, graduationYear, fullTime, overseas }) => ({ level, degree, school, major, startYear, graduationYear, fullTime, overseas })),
    titles: children.titles.map(({ level, series, name, year }) => ({ level, series, name, year })),
    certificates: children.certificates.map(({ name, level, issuer, year }) => ({ name, level, issuer, year })),
    employerId: row.employerId,
    employerName: row.employerName,
    post: row.post,
    industry: row.industry,
    salaryBand: row.salaryBand,
    arrivalRoute: row.arrivalRoute,
    arrivedOn: row.arrivedOn,
    tier: row.tier,
    tags: row.tags,
    status: row.status,
  };
}

/**
 * An update's fields laid over the stored input: a field left out keeps its value. The employer is one choice, so a
 * body naming either employerId or employerName replaces both.
 */
function mergeUpdate(stored: TalentInput, update: TalentUpdateInput): Record<string, unknown> {
  const sent = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
  const employer = update.employerId !== undefined || update.employerName !== undefined ? { employerId: update.employerId ?? null, employerName: update.employerName ?? null } : {};
  return { ...stored, ...sent, ...employer };
}

/** The zod issues of a whole record as field problems (the error handler renders them like the validator's). */
export function problemsOfIssues(issues: readonly z.core.$ZodIssue[]): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of issues) problems[issue.path.map(String).join('.')] ??= issueProblem(issue);
  return problems;
}

/** What the office decides about a talent: the talent themself cannot change it on their own record. */
const officeKeptFields = ['employerId', 'employerName', 'status', 'tier', 'tags'] as const;

export type UpdateTalentBody = TalentUpdateInput & { version: number; statusSince?: string | null; statusNote?: string | null };

export async function updateTalent(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, body: UpdateTalentBody) {
  const { version, statusSince, statusNote, ...update } = body;
  // the ID number when the update is refused as another talent's: that refusal is a look-up (`chargeDuplicateAnswer`)
  const refused: { duplicateOf: string | null } = { duplicateOf: null };
  try {
    return await db.transaction(async (tx) => {
      const found = await findTalent(tx, id, talentWriteScope(user));
      if (!found) throw notFound();
      const current = found.talent;
      const children = await loadTalentChildren(tx, id);
      const stored = storedInput(current, children, secrets);
      // the whole record after the update passes the same schema as a new one (gender and birth date against the stored
      // ID number when the update leaves the number out)
      const parsed = talentInput.safeParse(mergeUpdate(stored, update), { reportInput: true });
      if (!parsed.success) throw invalid(problemsOfIssues(parsed.error.issues));
      const enterpriseOwnsIt = user.roles.includes('enterprise') && current.employerId === user.organisationId;
      const asSelf = !user.roles.includes('office') && !enterpriseOwnsIt;
      // enterprise HR keeps its staff (employerFor)
      const input = asSelf ? parsed.data : employerFor(user, parsed.data);
      const before = currentInputOf(current, children, secrets);
      const problems: Record<string, FieldProblem> = {};
      if (asSelf) {
        // the office's judgements (employer, status, tier, tags) are not the talent's to change: sending them unchanged is fine
        for (const field of officeKeptFields) {
          if (JSON.stringify(input[field] ?? null) !== JSON.stringify(stored[field] ?? null)) problems[field] = { code: 'field.officeOnly' };
        }
        // fields the office verified are read-only to them
        for (const field of current.verifiedFields as VerifiableField[]) {
          if (field === 'gender' || field === 'birthDate') continue; // derived from the ID number, which is checked itself
          if (JSON.stringify(normalised(input, field)) !== JSON.stringify(before[field])) problems[field] = { code: 'field.verified' };
        }
      }
      const { problems: referenceIssues, employerLabel, duplicateOf } = await referenceProblems(tx, input, secrets, user, current);
      refused.duplicateOf = duplicateOf;
      Object.assign(problems, referenceIssues);
      if (Object.keys(problems).length) throw invalid(problems);
      const record = talentRecord(input, secrets, employerLabel);
      const row = await updateTalentRecord(tx, id, version, record);
      if (!row) throw new AppError(409, 'conflict');
      if (row.status !== current.status || (statusSince && !asSelf)) {
        const since = statusSince ?? today();
        await tx.update(talents).set({ statusSince: since }).where(eq(talents.id, id));
        if (row.status !== current.status) await addStatusEntry(tx, id, row.status, since, statusNote ?? '', actor.userId);
      }
      // every field that changed; the audit masks the ID number and phone, so their change shows without the values
      const changes = diff(stored as Record<string, unknown>, storedInput(row, await loadTalentChildren(tx, id), secrets));
      await recordAudit(tx, actor, { action: 'talent.update', targetType: 'talent', targetId: id, changes });
      // the talent's history (retention): employer, tier, title, education changes and a departure, dated today
      await recordRegistryEvents(tx, id, changes, beijingDate(new Date()));
      return talentDetail(tx, secrets, user, id);
    });
  } catch (error) {
    // the refusal rolled the transaction back; the look-up it amounts to is counted (or refused) on its own
    if (refused.duplicateOf) await chargeDuplicateAnswer(db, actor, user, refused.duplicateOf);
    throw error;
  }
}

export type AwardedTitle = { level: TalentInput['titles'][number]['level']; series: string; name: string; year: number };

/**
 * A title the zone awarded (职称评聘's final result) written into the talent's record in the caller's transaction: the
 * same series and level replaces an older entry, the record keeps at most 10 titles (the oldest goes). The highest title
 * — a fact of every eligibility rule — changes with it, so eligibility follows at once. Audited as a registry change
 * (`talent.update`, detail `titleEvaluation`) with the diff, like an edit.
 */
export async function recordAwardedTitle(tx: Executor, secrets: Secrets, actor: Actor, talentId: string, title: AwardedTitle) {
  const found = await findTalent(tx, talentId, undefined);
  if (!found) throw notFound();
  const children = await loadTalentChildren(tx, talentId);
  const stored = storedInput(found.talent, children, secrets);
  const titles = [...stored.titles.filter((entry) => !(entry.series === title.series && entry.level === title.level)), title].slice(-10);
  const record = talentRecord({ ...stored, titles }, secrets, found.employer);
  const row = await updateTalentRecord(tx, talentId, found.talent.version, record);
  if (!row) throw new AppError(409, 'conflict');
  const changes = diff(stored as Record<string, unknown>, storedInput(row, await loadTalentChildren(tx, talentId), secrets));
  await recordAudit(tx, actor, { action: 'talent.update', targetType: 'talent', targetId: talentId, changes, detail: 'titleEvaluation' });
}

function normalised(input: TalentInput, field: VerifiableField): unknown {
  switch (field) {
    case 'idNumber': {
      const identity = parseIdNumber(input.idNumber);
      return identity.ok ? identity.value.idNumber : input.idNumber;
    }
    case 'educations':
      // the keys in the order of currentInputOf: the comparison is of JSON text
      return input.educations.map(({ level, degree, school, major, startYear, graduationYear, fullTime, overseas }) => ({ level, degree, school, major, startYear: startYear ?? null, graduationYear, fullTime, overseas }));
    case 'certificates':
      return input.certificates.map((certificate) => ({ ...certificate, issuer: certificate.issuer ?? '' }));
    default:
      return (input as Record<string, unknown>)[field] ?? null;
  }
}

/** Marks fields as verified by the office (who and when is kept); the talent can no longer change them. */
export async function verifyTalent(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, fields: VerifiableField[]) {
  return db.transaction(async (tx) => {
    const found = await findTalent(tx, id, talentWriteScope(user));
    if (!found) throw notFound();
    await setVerification(tx, id, actor.userId!, [...new Set(fields)]);
    await recordAudit(tx, actor, { action: 'talent.verify', targetType: 'talent', targetId: id, changes: { verifiedFields: { from: found.talent.verifiedFields, to: fields } } });
    return talentDetail(tx, secrets, user, id);
  });
}

/** The unmasked ID number, phone and birth date, for the office, with a reason; every reveal is audited. */
export async function revealTalent(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, id: string, reason: string) {
  if (!canReveal(user)) throw new AppError(403, 'forbidden');
  return db.transaction(async (tx) => {
    const found = await findTalent(tx, id, talentReadScope(user));
    if (!found) throw notFound();
    await recordAudit(tx, actor, { action: 'talent.reveal', targetType: 'talent', targetId: id, detail: reason, changes: { fields: ['idNumber', 'phone', 'birthDate'] } });
    return {
      idNumber: secrets.decrypt(found.talent.idNumberCipher),
      phone: found.talent.phoneCipher ? secrets.decrypt(found.talent.phoneCipher) : null,
      birthDate: found.talent.birthDate,
    };
  });
}

export async function talentDetail(executor: Executor, secrets: Secrets, user: SessionUser, id: string) {
  const found = await findTalent(executor, id, talentReadScope(user));
  if (!found) throw notFound();
  const children = await loadTalentChildren(executor, id);
  const writable = Boolean(await findTalent(executor, id, talentWriteScope(user)));
  return presentTalentDetail(found.talent, found.employer, children, user, writable, secrets);
}

/**
 * The native place (a city code), decrypted; a row the start-up job has not sealed yet still has it in clear
 * (`sealNativePlaces`).
 */
export const nativePlaceOf = (row: Pick<TalentFields, 'nativePlace' | 'nativePlaceCipher'>, secrets: Secrets) =>
  row.nativePlaceCipher ? secrets.decrypt(row.nativePlaceCipher) : row.nativePlace;

/**
 * The ID number as every reader sees it without a reveal: computed from the cipher text (the database keeps no digit
 * of it in clear), the area code only.
 */
export const shownIdNumber = (row: Pick<TalentFields, 'idNumberCipher'>, secrets: Secrets) => maskIdNumber(secrets.decrypt(row.idNumberCipher));

/**
 * A talent as lists show it. The birth year stands for the birth date: with the masked numbers and the gender a reader
 * is left 365 × 500 possible ID numbers; the full date only comes with a reveal.
 */
export function presentTalentSummary(row: TalentFields, employer: string | null, secrets: Secrets) {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthYear: birthYearOf(row.birthDate),
    idNumber: shownIdNumber(row, secrets),
    phone: row.phoneMasked,
    highestEducation: row.highestEducation,
    highestTitle: row.highestTitle,
    employer: row.employerId && employer ? { id: row.employerId, name: employer } : null,
    employerName: row.employerName,
    post: row.post,
    industry: row.industry,
    tier: row.tier,
    arrivalRoute: row.arrivalRoute,
    arrivedOn: row.arrivedOn,
    status: row.status,
    tags: row.tags,
    verified: row.verifiedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentTalentDetail(row: TalentRow, employer: string | null, children: Awaited<ReturnType<typeof loadTalentChildren>>, user: SessionUser, writable: boolean, secrets: Secrets) {
  const asSelf = writable && !user.roles.includes('office') && !(user.roles.includes('enterprise') && row.employerId === user.organisationId);
  const nativePlace = nativePlaceOf(row, secrets);
  return {
    ...presentTalentSummary(row, employer, secrets),
    ethnicity: row.ethnicity,
    nativePlace,
    nativePlaceName: nativePlace ? (regionName(nativePlace) ?? null) : null,
    politicalStatus: row.politicalStatus,
    email: row.email,
    salaryBand: row.salaryBand,
    statusSince: row.statusSince,
    educations: children.educations.map(({ level, degree, school, major, startYear, graduationYear, fullTime, overseas }) => ({ level, degree, school, major, startYear, graduationYear, fullTime, overseas })),
    titles: children.titles.map(({ level, series, name, year }) => ({ level, series, name, year })),
    certificates: children.certificates.map(({ name, level, issuer, year }) => ({ name, level, issuer, year })),
    statusHistory: children.history.map(({ entry, recordedByName }) => ({ status: entry.status, since: entry.since, note: entry.note, recordedBy: recordedByName ?? null })),
    verification: { verifiedAt: row.verifiedAt?.toISOString() ?? null, fields: row.verifiedFields },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    permissions: {
      edit: writable,
      reveal: canReveal(user),
      verify: user.roles.includes('office'),
      /** Fields this user may not change (verified fields, when editing as the talent themself). */
      lockedFields: asSelf ? row.verifiedFields : [],
    },
  };
}

export type TalentListInput = {
  page: number;
  pageSize: number;
  sort?: TalentSort;
  q?: string;
} & Omit<TalentFilters, 'search'>;

/** A full number as the audit keeps it: masked as the screens show it. */
export const maskedNumber = (exact: { kind: 'idNumber' | 'phone'; value: string }) => (exact.kind === 'idNumber' ? maskIdNumber(exact.value) : maskPhone(exact.value));

/** Exact look-ups by full number per user and hour; the next one answers 429 until the oldest is an hour old. */
export const exactLookupLimit = { count: 20, windowMs: 60 * 60 * 1000 };

/**
 * Lets an exact look-up by a full ID number or phone go ahead, or refuses it. A look-up confirms a guessed number, so
 * it is the office's only (403 `lookupForbidden` for everyone else), needs a reason (`lookupReason`), is audited as
 * `talent.lookup` with the number masked and the reason, and is limited per user (20 an hour, counted from the audit
 * log under an advisory lock, so several app servers share the count; then 429 `lookupLimit` with Retry-After).
 * A search that is not a full number passes untouched.
 */
export async function authorizeExactLookup(db: Db, actor: Actor, user: SessionUser, q: string | undefined, reason: string | undefined) {
  const exact = exactNumberOf(q);
  if (!exact) return;
  if (!canLookUpNumbers(user)) throw new AppError(403, 'lookupForbidden');
  if (!reason?.trim()) throw invalid({ lookupReason: { code: 'required' } });
  await countExactLookup(db, actor, user, exact, reason.trim());
}

/**
 * Counts one look-up of a full number against the user's hourly limit and audits it (`talent.lookup`, the number
 * masked, `detail` the reason), or refuses it with 429 `lookupLimit` and Retry-After; its own short transaction.
 */
async function countExactLookup(db: Db, actor: Actor, user: SessionUser, exact: { kind: 'idNumber' | 'phone'; value: string }, detail: string) {
  await db.transaction(async (tx) => {
    await lockExactLookups(tx, user.id);
    const now = Date.now();
    const recent = await recentExactLookups(tx, user.id, new Date(now - exactLookupLimit.windowMs), exactLookupLimit.count);
    if (recent.length >= exactLookupLimit.count) {
      const retryAfter = Math.max(1, Math.ceil((recent[exactLookupLimit.count - 1].getTime() + exactLookupLimit.windowMs - now) / 1000));
      throw new AppError(429, 'lookupLimit', { count: exactLookupLimit.count, minutes: Math.ceil(retryAfter / 60) }, {}, { 'retry-after': String(retryAfter) });
    }
    await recordAudit(tx, actor, { action: 'talent.lookup', targetType: 'talent', detail, changes: { kind: exact.kind, query: maskedNumber(exact) } });
  });
}

/** The search clause for `q`: exact ID number or phone through the keyed hash, pinyin initials, name prefix, full text. */
export function searchFilter(q: string | undefined, secrets: Secrets): TalentFilters['search'] {
  const text = q?.trim();
  if (!text) return undefined;
  const exact = exactNumberOf(text);
  if (exact) return { condition: eq(exact.kind === 'idNumber' ? talents.idNumberHash : talents.phoneHash, secrets.lookupHash(exact.value)) };
  const tsquery = searchQuery(text);
  const fullText = tsquery ? sql`${talents.searchVector} @@ to_tsquery('simple', ${tsquery})` : undefined;
  const initials = /^[a-z]{1,12}$/i.test(text) ? sql`${talents.nameInitials} like ${`${text.toLowerCase()}%`}` : undefined;
  // names are among the search words: the name prefix only serves queries with nothing to search in full text,
  // and left in an OR it would defeat the GIN index (a full scan per search)
  const condition = anyOf(fullText, initials, tsquery ? undefined : namePrefix(text));
  if (!condition) return undefined;
  return { condition, rank: tsquery ? sql`ts_rank(${talents.searchVector}, to_tsquery('simple', ${tsquery}))` : undefined };
}

/** GET /api/talents: an exact look-up by full number is authorized first (see `authorizeExactLookup`), then listed. */
export async function searchTalents(db: Db, secrets: Secrets, actor: Actor, user: SessionUser, input: TalentListInput & { lookupReason?: string }) {
  const { lookupReason, ...list } = input;
  await authorizeExactLookup(db, actor, user, list.q, lookupReason);
  return listTalentSummaries(db, secrets, user, list);
}

/**
 * A page of summaries and the total. A search reads at most a limit of its matches: the total stops
 * there (`totalCapped`), and only matches within it are ranked by relevance; see `searchListLimits`.
 */
export async function listTalentSummaries(executor: Executor, secrets: Secrets, user: SessionUser, input: TalentListInput, limits: SearchListLimits = searchListLimits) {
  const { page, pageSize, sort, q, ...filters } = input;
  const search = searchFilter(q, secrets);
  const result = await listTalents(executor, { page, pageSize, sort: sort ?? (search ? 'relevance' : '-updatedAt'), filters: { ...filters, search } }, talentReadScope(user), limits);
  return { items: result.items.map(({ talent, employer }) => presentTalentSummary(talent, employer, secrets)), total: result.total, totalCapped: result.totalCapped };
}
