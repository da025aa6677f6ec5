/**
 * Skills-first KPIs (company programs, issue 14), from the plan's skills map:
 *
 * - Share of roles filled by qualified talent: people in a role who meet every
 *   required level of that role, out of everyone in a role that has required
 *   levels (each person in a role is one filled position).
 * - Time to close a skill gap: from dated assessments (a cell's history and
 *   its current level at its refresh date), the days from the first
 *   measurement below the required level to the first at or above it after
 *   that; the median over closed gaps.
 * - Critical capabilities per business initiative, with the decision per gap
 *   (develop internally, hire, contract, redesign work) and the milestone it
 *   serves: a capability has a gap when a role that requires one of its
 *   skills has nobody in it at the required level.
 * - Staff for outcomes, not titles: the people who hold a skill at a given
 *   level or above, whatever their role, with how the level was found.
 */
import type { Plan } from '../plan/schema';
import { daysBetween } from '../stakeholders/schedule';

type SkillsMap = Plan['skillsMap'];
type Holder = SkillsMap['holders'][number];
type Assessment = SkillsMap['assessments'][number];
type Capability = SkillsMap['capabilities'][number];
/** How a level was found. */
export type LevelSource = Assessment['source'];

/** Labels of the gap decisions. */
export const GAP_DECISION_LABELS: Readonly<Record<NonNullable<Capability['gapDecision']>, string>> =
  {
    developInternally: 'Develop internally',
    hire: 'Hire',
    contract: 'Contract',
    redesignWork: 'Redesign work',
  };

/** Labels of the sources of a level. */
export const SOURCE_LABELS: Readonly<Record<LevelSource, string>> = {
  assessed: 'Assessed',
  selfReported: 'Self-reported',
};

/** Quick look-ups over a skills map. */
export interface SkillsIndex {
  readonly map: SkillsMap;
  readonly holders: ReadonlyMap<string, Holder>;
  readonly skills: ReadonlyMap<string, SkillsMap['skills'][number]>;
  /** `holderId skillId` → cell. */
  readonly cells: ReadonlyMap<string, Assessment>;
  /** Role id → its required levels (skill id → level > 0). */
  readonly requirements: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Role id → the people in it. */
  readonly people: ReadonlyMap<string, readonly Holder[]>;
}

const cellKey = (holderId: string, skillId: string) => `${holderId} ${skillId}`;

/** Indexes a skills map once for the functions below. */
export function indexSkills(map: SkillsMap): SkillsIndex {
  const holders = new Map(map.holders.map((h) => [h.id, h]));
  const skills = new Map(map.skills.map((s) => [s.id, s]));
  const cells = new Map<string, Assessment>();
  const requirements = new Map<string, Map<string, number>>();
  for (const a of map.assessments) {
    cells.set(cellKey(a.holderId, a.skillId), a);
    const holder = holders.get(a.holderId);
    if (holder?.kind === 'role' && a.required !== null && a.required > 0 && skills.has(a.skillId)) {
      const own = requirements.get(a.holderId) ?? new Map<string, number>();
      own.set(a.skillId, a.required);
      requirements.set(a.holderId, own);
    }
  }
  const people = new Map<string, Holder[]>();
  for (const h of map.holders) {
    if (h.kind !== 'person' || !h.roleId || holders.get(h.roleId)?.kind !== 'role') continue;
    const list = people.get(h.roleId) ?? [];
    list.push(h);
    people.set(h.roleId, list);
  }
  return { map, holders, skills, cells, requirements, people };
}

/** A person's current level in a skill (null when not rated). */
export function currentLevel(index: SkillsIndex, holderId: string, skillId: string): number | null {
  return index.cells.get(cellKey(holderId, skillId))?.current ?? null;
}

/** A required level of a role a person does not meet. */
export interface Shortfall {
  readonly skillId: string;
  readonly required: number;
  readonly current: number | null;
}

/** What a person lacks for their role (empty: qualified); null when they have no role with required levels. */
export function shortfallsFor(index: SkillsIndex, person: Holder): Shortfall[] | null {
  const needs = person.roleId ? index.requirements.get(person.roleId) : undefined;
  if (!needs || needs.size === 0) return null;
  const out: Shortfall[] = [];
  for (const [skillId, required] of needs) {
    const current = currentLevel(index, person.id, skillId);
    if (current === null || current < required) out.push({ skillId, required, current });
  }
  return out;
}

/** How one role is filled. */
export interface RoleFill {
  readonly roleId: string;
  readonly name: string;
  /** Required levels of the role (count). */
  readonly requirements: number;
  /** People in the role. */
  readonly people: readonly string[];
  /** Of those, the ones who meet every required level. */
  readonly qualified: readonly string[];
}

/** Share of roles filled by qualified talent. */
export interface QualifiedTalent {
  readonly roles: readonly RoleFill[];
  /** People in a role with required levels. */
  readonly positions: number;
  /** Of those, people who meet every required level. */
  readonly qualified: number;
  /** qualified ÷ positions, null when nobody is in such a role. */
  readonly share: number | null;
}

/** The share of roles filled by qualified talent, and each role's people. */
export function qualifiedTalent(index: SkillsIndex): QualifiedTalent {
  const roles: RoleFill[] = [];
  let positions = 0;
  let qualified = 0;
  for (const role of index.map.holders) {
    if (role.kind !== 'role') continue;
    const people = index.people.get(role.id) ?? [];
    const requirements = index.requirements.get(role.id)?.size ?? 0;
    const ok = requirements > 0 ? people.filter((p) => shortfallsFor(index, p)?.length === 0) : [];
    if (requirements > 0) {
      positions += people.length;
      qualified += ok.length;
    }
    roles.push({
      roleId: role.id,
      name: role.name,
      requirements,
      people: people.map((p) => p.id),
      qualified: ok.map((p) => p.id),
    });
  }
  return { roles, positions, qualified, share: positions > 0 ? qualified / positions : null };
}

/** One dated level of a cell. */
export interface DatedLevel {
  readonly date: string;
  readonly level: number;
  readonly source: LevelSource;
}

/** A cell's dated levels, oldest first: its history, then its current level at its refresh date. */
export function datedLevels(cell: Assessment): DatedLevel[] {
  const out: DatedLevel[] = cell.history.map((h) => ({
    date: h.date,
    level: h.current,
    source: h.source,
  }));
  if (cell.current !== null && cell.refreshedAt)
    out.push({ date: cell.refreshedAt, level: cell.current, source: cell.source });
  // Stable: a history entry and the current level on the same day keep that order.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A skill gap found in dated assessments. */
export interface SkillGap {
  readonly holderId: string;
  readonly skillId: string;
  readonly required: number;
  /** The first date measured below the required level. */
  readonly opened: string;
  /** The first date at or above it after that; null while open. */
  readonly closed: string | null;
  /** Days from opened to closed; null while open. */
  readonly days: number | null;
}

/** Time to close a skill gap. */
export interface TimeToClose {
  readonly gaps: readonly SkillGap[];
  readonly closed: number;
  readonly open: number;
  /** Median days over closed gaps; null when none closed. */
  readonly medianDays: number | null;
}

/** The required level for a holder's cell: their role's, else their own. */
export function requiredFor(index: SkillsIndex, cell: Assessment): number | null {
  const holder = index.holders.get(cell.holderId);
  const fromRole = holder?.roleId
    ? index.requirements.get(holder.roleId)?.get(cell.skillId)
    : undefined;
  if (fromRole !== undefined) return fromRole;
  return cell.required !== null && cell.required > 0 ? cell.required : null;
}

/** The median of numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Gaps in every dated cell of the map, and the median days to close one. */
export function timeToClose(index: SkillsIndex): TimeToClose {
  const gaps: SkillGap[] = [];
  for (const cell of index.map.assessments) {
    if (!index.holders.has(cell.holderId) || !index.skills.has(cell.skillId)) continue;
    const required = requiredFor(index, cell);
    if (required === null) continue;
    const levels = datedLevels(cell);
    const below = levels.findIndex((l) => l.level < required);
    if (below < 0) continue;
    const opened = levels[below]!.date;
    const met = levels.slice(below + 1).find((l) => l.level >= required);
    gaps.push({
      holderId: cell.holderId,
      skillId: cell.skillId,
      required,
      opened,
      closed: met?.date ?? null,
      days: met ? daysBetween(opened, met.date) : null,
    });
  }
  const days = gaps.flatMap((g) => (g.days === null ? [] : [g.days]));
  return {
    gaps,
    closed: days.length,
    open: gaps.length - days.length,
    medianDays: median(days),
  };
}

/** One role that requires a skill of a capability, and whether anyone in it holds that level. */
export interface RoleCoverage {
  readonly roleId: string;
  readonly required: number;
  readonly people: number;
  /** People in the role at or above the required level in the skill. */
  readonly atLevel: number;
}

/** One skill of a critical capability. */
export interface CapabilitySkill {
  readonly skillId: string;
  readonly name: string;
  /** Roles that require the skill. */
  readonly roles: readonly RoleCoverage[];
  /** covered: every role requiring it has someone at level; gap: one has nobody; unrequired: no role requires it. */
  readonly status: 'covered' | 'gap' | 'unrequired';
}

/** A critical capability with its gap. */
export interface CapabilityStatus {
  readonly capability: Capability;
  readonly skills: readonly CapabilitySkill[];
  readonly gap: boolean;
}

/** Critical capabilities grouped by business initiative (in plan order). */
export interface InitiativeCapabilities {
  readonly initiative: string;
  readonly capabilities: readonly CapabilityStatus[];
}

/** The capabilities of the plan, by initiative, with their gaps. */
export function capabilitiesByInitiative(index: SkillsIndex): InitiativeCapabilities[] {
  const groups = new Map<string, CapabilityStatus[]>();
  for (const capability of index.map.capabilities) {
    const skills: CapabilitySkill[] = [];
    for (const skillId of capability.skillIds) {
      const skill = index.skills.get(skillId);
      if (!skill) continue;
      const roles: RoleCoverage[] = [];
      for (const [roleId, needs] of index.requirements) {
        const required = needs.get(skillId);
        if (required === undefined) continue;
        const people = index.people.get(roleId) ?? [];
        const atLevel = people.filter(
          (p) => (currentLevel(index, p.id, skillId) ?? -1) >= required,
        ).length;
        roles.push({ roleId, required, people: people.length, atLevel });
      }
      skills.push({
        skillId,
        name: skill.name,
        roles,
        status:
          roles.length === 0
            ? 'unrequired'
            : roles.some((r) => r.atLevel === 0)
              ? 'gap'
              : 'covered',
      });
    }
    const key = capability.initiative.trim();
    const list = groups.get(key) ?? [];
    list.push({ capability, skills, gap: skills.some((s) => s.status === 'gap') });
    groups.set(key, list);
  }
  return [...groups].map(([initiative, capabilities]) => ({ initiative, capabilities }));
}

/** A person who holds a skill at a level. */
export interface SkillHolding {
  readonly holderId: string;
  readonly name: string;
  readonly roleId: string | null;
  readonly roleName: string;
  readonly level: number;
  readonly source: LevelSource;
  readonly refreshedAt: string | null;
}

/**
 * The people who hold `skillId` at `minLevel` or above, whatever their role:
 * highest level first, assessed before self-reported, then by name.
 * `assessedOnly` leaves out self-reported levels.
 */
export function findPeopleWithSkill(
  index: SkillsIndex,
  skillId: string,
  minLevel: number,
  assessedOnly = false,
): SkillHolding[] {
  const out: SkillHolding[] = [];
  for (const a of index.map.assessments) {
    if (a.skillId !== skillId || a.current === null || a.current < minLevel) continue;
    if (assessedOnly && a.source !== 'assessed') continue;
    const holder = index.holders.get(a.holderId);
    if (!holder || holder.kind !== 'person') continue;
    const role = holder.roleId ? index.holders.get(holder.roleId) : undefined;
    out.push({
      holderId: holder.id,
      name: holder.name,
      roleId: role ? role.id : null,
      roleName: role?.name ?? '',
      level: a.current,
      source: a.source,
      refreshedAt: a.refreshedAt,
    });
  }
  const rank = (s: LevelSource) => (s === 'assessed' ? 0 : 1);
  return out.sort(
    (x, y) => y.level - x.level || rank(x.source) - rank(y.source) || x.name.localeCompare(y.name),
  );
}

/** A role with nobody in it at the level a critical capability's skill requires. */
export interface RoleWithoutQualifiedHolder {
  readonly capabilityId: string;
  readonly initiative: string;
  readonly roleId: string;
  readonly roleName: string;
  /** Skills of the capability the role requires and nobody in it holds at level. */
  readonly skillIds: readonly string[];
}

/**
 * Roles that require a skill of a critical capability and have nobody in
 * them at that level — only when the map tracks people at all (a map of
 * roles alone has no holders to check).
 */
export function rolesWithoutQualifiedHolder(index: SkillsIndex): RoleWithoutQualifiedHolder[] {
  if (!index.map.holders.some((h) => h.kind === 'person')) return [];
  const out: RoleWithoutQualifiedHolder[] = [];
  for (const group of capabilitiesByInitiative(index)) {
    for (const status of group.capabilities) {
      const byRole = new Map<string, string[]>();
      for (const skill of status.skills)
        for (const role of skill.roles)
          if (role.atLevel === 0)
            byRole.set(role.roleId, [...(byRole.get(role.roleId) ?? []), skill.skillId]);
      for (const [roleId, skillIds] of byRole)
        out.push({
          capabilityId: status.capability.id,
          initiative: status.capability.initiative,
          roleId,
          roleName: index.holders.get(roleId)?.name ?? '',
          skillIds,
        });
    }
  }
  return out;
}
