/**
 * The "Content in use" and "Skills-first KPIs" chapters of the Word plan and
 * their Excel sheets (issue 14). Aggregates only: counts per catalog item
 * (from the roster, when the export is given them — `ExportOptions.contentUse`),
 * the content audit, and the skills-first KPIs counted per role and
 * capability. No learner and no person is named.
 */
import { MAINTENANCE_CAPACITY_HOURS, contentAudit } from '../manage/content-audit';
import {
  BARELY_TOUCHED_REACH,
  IN_DEMAND_REACH,
  USE_LEVEL_LABELS,
  type ContentUse,
} from '../manage/content-use';
import {
  capabilitiesByInitiative,
  indexSkills,
  qualifiedTalent,
  timeToClose,
} from '../manage/skills-first';
import type { Plan } from '../plan/schema';
import { shows, type Profile } from './audience';
import type { DocBlock } from './document';
import { englishLocale, type DocLocale } from './locale';
import { cellText } from './sanitize';
import { termsOf } from './terms';

/** Counts, shares and hours in the document language. */
function numbers(loc: DocLocale) {
  return {
    n: (v: number) => loc.count(v),
    pct: (share: number | null) => (share === null ? '—' : loc.percent(share)),
    hours: (v: number) => loc.count(Math.round(v * 10) / 10),
    date: (iso: string | null | undefined) => loc.date(iso, '—'),
  };
}

/** The use levels' thresholds in words. */
function useLevelRule(loc: DocLocale): string {
  return loc.d('contentUse.rule', {
    inDemand: loc.percent(IN_DEMAND_REACH),
    barely: loc.percent(BARELY_TOUCHED_REACH),
  });
}

/** How made content is checked against the capacity to maintain it. */
function maintenanceRule(loc: DocLocale): string {
  const h = MAINTENANCE_CAPACITY_HOURS;
  return loc.d('contentUse.maintenanceRule', {
    two: loc.count(h[1]),
    three: loc.count(h[2]),
    four: loc.count(h[3]),
    five: loc.count(h[4]),
  });
}

/** A made item's capacity check in words. */
const verdictWords = (loc: DocLocale, verdict: string) =>
  verdict === 'over'
    ? loc.d('contentUse.overCapacity')
    : verdict === 'within'
      ? loc.d('contentUse.withinCapacity')
      : loc.d('contentUse.notRated');

/** A table sheet as xlsx.ts `tableSheet` takes it. */
export interface ContentSheet {
  readonly name: string;
  readonly columns: readonly {
    readonly header: string;
    readonly width: number;
    readonly kind?: 'text' | 'number' | 'integer' | 'date';
    readonly wrap?: boolean;
  }[];
  readonly rows: readonly (readonly (string | number | Date | null)[])[];
}

const text = (s: string | null | undefined): string | null => {
  const clean = cellText(s ?? '');
  return clean === '' ? null : clean;
};

const excelDate = (iso: string | null | undefined): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

/** Whether the plan has anything for the Content in use chapter. */
export function hasContentInUse(plan: Plan, use: ContentUse | undefined, asOf: string): boolean {
  return (use?.rows ?? 0) > 0 || contentAudit(plan, asOf).rows.length > 0;
}

/** The Content in use chapter: items' use (when counted), the audit and the maintenance check. */
export function contentInUseBlocks(
  plan: Plan,
  use: ContentUse | undefined,
  asOf: string,
  profile: Profile = 'internal',
  loc: DocLocale = englishLocale(),
): DocBlock[] {
  const { n, pct, hours, date } = numbers(loc);
  const d = loc.d;
  const blocks: DocBlock[] = [];
  if (use && use.rows > 0) {
    blocks.push(
      {
        type: 'paragraph',
        style: 'lead',
        text: d('contentUse.lead', {
          learners: n(use.learners),
          rows: n(use.rows),
          date: date(use.asOf),
          levels: (Object.keys(USE_LEVEL_LABELS) as (keyof typeof USE_LEVEL_LABELS)[])
            .map((k) => d(`contentUse.levelCount.${k}`, { count: n(use.levels[k]) }))
            .join(d('punctuation.comma')),
        }),
      },
      { type: 'paragraph', style: 'note', text: useLevelRule(loc) },
      {
        type: 'table',
        columns: [
          { title: d('contentUse.item'), width: 34 },
          { title: d('contentUse.use'), width: 14 },
          { title: d('contentUse.reach'), width: 9, numeric: true },
          { title: d('contentUse.opened'), width: 10, numeric: true },
          { title: d('contentUse.offeredTo'), width: 10, numeric: true },
          { title: d('contentUse.completed'), width: 10, numeric: true },
          { title: d('contentUse.completion'), width: 10, numeric: true },
        ],
        rows: use.items.map((i) => [
          i.title || d('contentUse.untitledItem'),
          d(`contentUse.level.${i.level}`),
          pct(i.reach),
          n(i.opened),
          n(i.offered),
          n(i.completed),
          pct(i.completionRate),
        ]),
      },
    );
  } else {
    blocks.push({ type: 'paragraph', style: 'lead', text: d('contentUse.leadAudit') });
  }
  const audit = contentAudit(plan, asOf);
  if (audit.rows.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: d('contentUse.audit') },
      {
        type: 'paragraph',
        text: d('contentUse.due', { count: audit.due.length, date: date(asOf) }),
      },
      {
        type: 'table',
        columns: [
          { title: d('contentUse.item'), width: 32 },
          { title: d('col.owner'), width: 16 },
          { title: d('contentUse.nextReview'), width: 14 },
          { title: d('contentUse.lastReviewed'), width: 14 },
          { title: d('contentUse.review'), width: 13 },
          { title: d('contentUse.maintenance'), width: 11, numeric: true },
        ],
        rows: audit.rows.map((r) => [
          r.made
            ? d('contentUse.made', { title: r.item.title || d('contentUse.untitledItem') })
            : r.item.title || d('contentUse.untitledItem'),
          r.entry?.owner || '—',
          date(r.entry?.reviewDate),
          r.entry?.lastReviewed ? date(r.entry.lastReviewed) : d('contentUse.never'),
          d(`contentUse.reviewState.${r.state}`),
          r.entry?.maintenanceHoursPerYear == null ? '—' : hours(r.entry.maintenanceHoursPerYear),
        ]),
      },
    );
  }
  // The capacity rating is a make-or-buy score: left out where the profile leaves scores out.
  if (audit.maintenance.length > 0 && shows(profile, 'makeOrBuyScores'))
    blocks.push(
      { type: 'heading', level: 2, text: d('contentUse.capacityHeading') },
      { type: 'paragraph', style: 'note', text: maintenanceRule(loc) },
      {
        type: 'table',
        columns: [
          { title: d('col.decision'), width: 36 },
          { title: d('contentUse.items'), width: 8, numeric: true },
          { title: d('contentUse.maintenance'), width: 14, numeric: true },
          { title: d('contentUse.capacityRating'), width: 12, numeric: true },
          { title: d('contentUse.capacityHours'), width: 14, numeric: true },
          { title: d('contentUse.check'), width: 16 },
        ],
        rows: audit.maintenance.map((c) => [
          d('contentUse.needWithDecision', {
            need: c.need || d('makeOrBuy.untitledNeed'),
            decision: termsOf(loc).option(c.decision),
          }),
          n(c.itemIds.length),
          hours(c.hours),
          c.rating === null ? d('contentUse.notRated') : hours(c.rating),
          c.capacityHours === null ? '—' : n(c.capacityHours),
          verdictWords(loc, c.verdict),
        ]),
      },
    );
  return blocks;
}

/** The Content in use sheets: item use (when counted) and the audit. */
export function contentInUseSheets(
  plan: Plan,
  use: ContentUse | undefined,
  asOf: string,
  profile: Profile = 'internal',
  loc: DocLocale = englishLocale(),
): ContentSheet[] {
  const { d, w } = loc;
  const scores = shows(profile, 'makeOrBuyScores');
  const sheets: ContentSheet[] = [];
  if (use && use.rows > 0) {
    const segmentName = (id: string) =>
      id
        ? plan.learners.find((s) => s.id === id)?.name || w('contentUse.unnamedSegment')
        : w('contentUse.noSegment');
    sheets.push({
      name: w('sheets.contentInUse'),
      columns: [
        { header: w('col.itemId'), width: 16 },
        { header: w('col.item'), width: 40, wrap: true },
        { header: w('contentUse.use'), width: 16 },
        { header: w('contentUse.offeredTo'), width: 12, kind: 'integer' },
        { header: w('contentUse.enrolled'), width: 12, kind: 'integer' },
        { header: w('contentUse.opened'), width: 12, kind: 'integer' },
        { header: w('contentUse.completed'), width: 12, kind: 'integer' },
        { header: w('col.learningHours'), width: 14, kind: 'number' },
        { header: w('contentUse.lastUse'), width: 14, kind: 'date' },
        ...use.segmentKeys.map((k) => ({
          header: w('contentUse.openedBy', { segment: segmentName(k) }).slice(0, 200),
          width: 16,
          kind: 'integer' as const,
        })),
      ],
      rows: use.items.map((i) => [
        i.itemId,
        text(i.title),
        d(`contentUse.level.${i.level}`),
        i.offered,
        i.enrolled,
        i.opened,
        i.completed,
        i.hours,
        excelDate(i.lastUse),
        ...i.bySegment.map((g) => g.opened),
      ]),
    });
  }
  const audit = contentAudit(plan, asOf);
  if (audit.rows.length > 0)
    sheets.push({
      name: w('sheets.contentAudit'),
      columns: [
        { header: w('col.itemId'), width: 16 },
        { header: w('col.item'), width: 40, wrap: true },
        { header: w('contentUse.madeContent'), width: 12 },
        { header: w('col.owner'), width: 20 },
        { header: w('contentUse.nextReview'), width: 14, kind: 'date' },
        { header: w('contentUse.lastReviewed'), width: 14, kind: 'date' },
        { header: w('contentUse.review'), width: 16 },
        { header: w('contentUse.decision'), width: 36, wrap: true },
        { header: w('contentUse.maintenanceHours'), width: 14, kind: 'number' },
        ...(scores ? [{ header: w('contentUse.capacityCheck'), width: 16 }] : []),
      ],
      rows: audit.rows.map((r) => [
        r.item.id,
        text(r.item.title),
        r.made ? w('col.yes') : w('col.no'),
        text(r.entry?.owner),
        excelDate(r.entry?.reviewDate),
        excelDate(r.entry?.lastReviewed),
        d(`contentUse.reviewState.${r.state}`),
        text(r.decision?.need),
        r.entry?.maintenanceHoursPerYear ?? null,
        ...(scores ? [r.maintenance ? verdictWords(loc, r.maintenance.verdict) : null] : []),
      ]),
    });
  return sheets;
}

/** Whether the plan has a skills map to report on. */
export function hasSkillsFirst(plan: Plan): boolean {
  return plan.skillsMap.skills.length > 0 && plan.skillsMap.holders.length > 0;
}

/** The Skills-first KPIs chapter: counts per role and capability, no person named. */
export function skillsFirstBlocks(plan: Plan, loc: DocLocale = englishLocale()): DocBlock[] {
  if (!hasSkillsFirst(plan)) return [];
  const { n, pct, date } = numbers(loc);
  const d = loc.d;
  const index = indexSkills(plan.skillsMap);
  const q = qualifiedTalent(index);
  const t = timeToClose(index);
  const blocks: DocBlock[] = [
    { type: 'paragraph', style: 'lead', text: d('skillsFirst.lead') },
    {
      type: 'facts',
      rows: [
        [
          d('skillsFirst.qualifiedShare'),
          q.share === null
            ? d('skillsFirst.nobodyInRole')
            : d('skillsFirst.shareOf', {
                share: pct(q.share),
                count: n(q.qualified),
                total: n(q.positions),
              }),
        ],
        [
          d('skillsFirst.timeToClose'),
          t.medianDays === null
            ? d('skillsFirst.noGapClosed')
            : d('skillsFirst.days', { days: Math.round(t.medianDays) }),
        ],
        [
          d('skillsFirst.gapsClosedOpen'),
          d('skillsFirst.closedOpen', { closed: n(t.closed), open: n(t.open) }),
        ],
      ],
    },
    {
      type: 'paragraph',
      style: 'note',
      text: `${d('skillsFirst.ruleQualified')} ${d('skillsFirst.ruleTimeToClose')}`,
    },
  ];
  if (q.roles.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('skillsFirst.roles') },
      {
        type: 'table',
        columns: [
          { title: d('skillsFirst.role'), width: 46 },
          { title: d('skillsFirst.requiredLevels'), width: 18, numeric: true },
          { title: d('skillsFirst.peopleInIt'), width: 18, numeric: true },
          { title: d('skillsFirst.qualified'), width: 18, numeric: true },
        ],
        rows: q.roles.map((r) => [
          r.name || d('skillsFirst.unnamedRole'),
          n(r.requirements),
          n(r.people.length),
          r.requirements > 0 ? n(r.qualified.length) : '—',
        ]),
      },
    );
  const groups = capabilitiesByInitiative(index);
  if (groups.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('skillsFirst.capabilities') },
      { type: 'paragraph', style: 'note', text: d('skillsFirst.ruleCapabilities') },
      {
        type: 'table',
        columns: [
          { title: d('skillsFirst.initiative'), width: 24 },
          { title: d('col.skills'), width: 30 },
          { title: d('skillsFirst.gap'), width: 8 },
          { title: d('col.decision'), width: 16 },
          { title: d('skillsFirst.milestone'), width: 22 },
        ],
        rows: groups.flatMap((g) =>
          g.capabilities.map((c) => [
            g.initiative || d('skillsFirst.initiativeNotNamed'),
            c.skills
              .map((s) =>
                s.status === 'gap' ? d('skillsFirst.skillGap', { skill: s.name }) : s.name,
              )
              .join(d('punctuation.comma')) || '—',
            c.gap ? d('col.yes') : d('col.no'),
            c.capability.gapDecision
              ? d(`skillsFirst.gapDecision.${c.capability.gapDecision}`)
              : d('skillsFirst.notDecided'),
            c.capability.milestoneDate
              ? d('skillsFirst.milestoneOn', {
                  milestone: c.capability.milestone || '—',
                  date: date(c.capability.milestoneDate),
                })
              : c.capability.milestone || '—',
          ]),
        ),
      },
    );
  return blocks;
}

/** The Skills-first sheet: one row per capability skill, counts per role (no person named). */
export function skillsFirstSheets(plan: Plan, loc: DocLocale = englishLocale()): ContentSheet[] {
  if (!hasSkillsFirst(plan)) return [];
  const { d, w } = loc;
  const index = indexSkills(plan.skillsMap);
  const q = qualifiedTalent(index);
  const sheets: ContentSheet[] = [
    {
      name: w('sheets.skillsFirstRoles'),
      columns: [
        { header: w('skillsFirst.roleId'), width: 16 },
        { header: w('skillsFirst.role'), width: 36, wrap: true },
        { header: w('skillsFirst.requiredLevels'), width: 14, kind: 'integer' },
        { header: w('skillsFirst.peopleInIt'), width: 14, kind: 'integer' },
        { header: w('skillsFirst.qualified'), width: 14, kind: 'integer' },
      ],
      rows: q.roles.map((r) => [
        r.roleId,
        text(r.name),
        r.requirements,
        r.people.length,
        r.requirements > 0 ? r.qualified.length : null,
      ]),
    },
  ];
  const groups = capabilitiesByInitiative(index);
  if (groups.length > 0)
    sheets.push({
      name: w('sheets.criticalCapabilities'),
      columns: [
        { header: w('skillsFirst.initiative'), width: 30, wrap: true },
        { header: w('skillsFirst.skill'), width: 24 },
        { header: w('col.status'), width: 18 },
        { header: w('skillsFirst.rolesRequiring'), width: 14, kind: 'integer' },
        { header: w('skillsFirst.rolesWithNobody'), width: 16, kind: 'integer' },
        { header: w('col.decision'), width: 18 },
        { header: w('skillsFirst.milestone'), width: 30, wrap: true },
        { header: w('skillsFirst.milestoneDate'), width: 14, kind: 'date' },
      ],
      rows: groups.flatMap((g) =>
        g.capabilities.flatMap((c) =>
          c.skills.map((s) => [
            text(g.initiative),
            text(s.name),
            s.status === 'gap'
              ? w('skillsFirst.statusGap')
              : s.status === 'covered'
                ? w('skillsFirst.statusCovered')
                : w('skillsFirst.statusNotRequired'),
            s.roles.length,
            s.roles.filter((r) => r.atLevel === 0).length,
            c.capability.gapDecision
              ? d(`skillsFirst.gapDecision.${c.capability.gapDecision}`)
              : null,
            text(c.capability.milestone),
            excelDate(c.capability.milestoneDate),
          ]),
        ),
      ),
    });
  return sheets;
}
