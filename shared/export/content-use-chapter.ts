/**
 * The "Content in use" and "Skills-first KPIs" chapters of the Word plan and
 * their Excel sheets (issue 14). Aggregates only: counts per catalog item
 * (from the roster, when the export is given them — `ExportOptions.contentUse`),
 * the content audit, and the skills-first KPIs counted per role and
 * capability. No learner and no person is named.
 */
import { OPTION_LABELS } from '../content/makeorbuy';
import { MAINTENANCE_RULE, REVIEW_STATE_LABELS, contentAudit } from '../manage/content-audit';
import { USE_LEVEL_LABELS, USE_LEVEL_RULE, type ContentUse } from '../manage/content-use';
import {
  GAP_DECISION_LABELS,
  SKILLS_FIRST_RULES,
  capabilitiesByInitiative,
  indexSkills,
  qualifiedTalent,
  timeToClose,
} from '../manage/skills-first';
import type { Plan } from '../plan/schema';
import { shows, type Profile } from './audience';
import type { DocBlock } from './document';
import { formatDate } from './document';
import { cellText } from './sanitize';

const n = (v: number) => v.toLocaleString('en-GB');
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const hours = (v: number) => (Math.round(v * 10) / 10).toLocaleString('en-GB');

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
): DocBlock[] {
  const blocks: DocBlock[] = [];
  if (use && use.rows > 0) {
    blocks.push(
      {
        type: 'paragraph',
        style: 'lead',
        text: `How ${n(use.learners)} learners used the catalog, from ${n(use.rows)} course records counted on ${formatDate(use.asOf)}: ${(
          Object.keys(USE_LEVEL_LABELS) as (keyof typeof USE_LEVEL_LABELS)[]
        )
          .map((k) => `${n(use.levels[k])} ${USE_LEVEL_LABELS[k].toLowerCase()}`)
          .join(', ')}.`,
      },
      { type: 'paragraph', style: 'note', text: USE_LEVEL_RULE },
      {
        type: 'table',
        columns: [
          { title: 'Item', width: 34 },
          { title: 'Use', width: 14 },
          { title: 'Reach', width: 9, numeric: true },
          { title: 'Opened', width: 10, numeric: true },
          { title: 'Offered to', width: 10, numeric: true },
          { title: 'Completed', width: 10, numeric: true },
          { title: 'Completion', width: 10, numeric: true },
        ],
        rows: use.items.map((i) => [
          i.title || 'Untitled item',
          USE_LEVEL_LABELS[i.level],
          pct(i.reach),
          n(i.opened),
          n(i.offered),
          n(i.completed),
          pct(i.completionRate),
        ]),
      },
    );
  } else {
    blocks.push({
      type: 'paragraph',
      style: 'lead',
      text: 'The content audit: review dates and owners of the catalog items, and made content checked against the capacity to maintain it.',
    });
  }
  const audit = contentAudit(plan, asOf);
  if (audit.rows.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Content audit' },
      {
        type: 'paragraph',
        text:
          audit.due.length === 0
            ? `No item is due for review on ${formatDate(asOf)}.`
            : `${n(audit.due.length)} ${audit.due.length === 1 ? 'item is' : 'items are'} due for review on ${formatDate(asOf)}.`,
      },
      {
        type: 'table',
        columns: [
          { title: 'Item', width: 32 },
          { title: 'Owner', width: 16 },
          { title: 'Next review', width: 14 },
          { title: 'Last reviewed', width: 14 },
          { title: 'Review', width: 13 },
          { title: 'Maintenance (h a year)', width: 11, numeric: true },
        ],
        rows: audit.rows.map((r) => [
          `${r.item.title || 'Untitled item'}${r.made ? ' (made)' : ''}`,
          r.entry?.owner || '—',
          formatDate(r.entry?.reviewDate) || '—',
          formatDate(r.entry?.lastReviewed) || 'Never',
          REVIEW_STATE_LABELS[r.state],
          r.entry?.maintenanceHoursPerYear == null ? '—' : hours(r.entry.maintenanceHoursPerYear),
        ]),
      },
    );
  }
  // The capacity rating is a make-or-buy score: left out where the profile leaves scores out.
  if (audit.maintenance.length > 0 && shows(profile, 'makeOrBuyScores'))
    blocks.push(
      { type: 'heading', level: 2, text: 'Made content and the capacity to maintain it' },
      { type: 'paragraph', style: 'note', text: MAINTENANCE_RULE },
      {
        type: 'table',
        columns: [
          { title: 'Decision', width: 36 },
          { title: 'Items', width: 8, numeric: true },
          { title: 'Maintenance (h a year)', width: 14, numeric: true },
          { title: 'Capacity rating', width: 12, numeric: true },
          { title: 'Capacity (h a year)', width: 14, numeric: true },
          { title: 'Check', width: 16 },
        ],
        rows: audit.maintenance.map((c) => [
          `${c.need || 'Untitled need'} (${OPTION_LABELS[c.decision]})`,
          n(c.itemIds.length),
          hours(c.hours),
          c.rating === null ? 'Not rated' : hours(c.rating),
          c.capacityHours === null ? '—' : n(c.capacityHours),
          c.verdict === 'over'
            ? 'Over capacity'
            : c.verdict === 'within'
              ? 'Within capacity'
              : 'Not rated',
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
): ContentSheet[] {
  const scores = shows(profile, 'makeOrBuyScores');
  const sheets: ContentSheet[] = [];
  if (use && use.rows > 0) {
    const segmentName = (id: string) =>
      id ? plan.learners.find((s) => s.id === id)?.name || 'Unnamed segment' : 'No segment';
    sheets.push({
      name: 'Content in use',
      columns: [
        { header: 'Item ID', width: 16 },
        { header: 'Item', width: 40, wrap: true },
        { header: 'Use', width: 16 },
        { header: 'Offered to', width: 12, kind: 'integer' },
        { header: 'Enrolled', width: 12, kind: 'integer' },
        { header: 'Opened', width: 12, kind: 'integer' },
        { header: 'Completed', width: 12, kind: 'integer' },
        { header: 'Learning hours', width: 14, kind: 'number' },
        { header: 'Last use', width: 14, kind: 'date' },
        ...use.segmentKeys.map((k) => ({
          header: `Opened: ${segmentName(k)}`.slice(0, 200),
          width: 16,
          kind: 'integer' as const,
        })),
      ],
      rows: use.items.map((i) => [
        i.itemId,
        text(i.title),
        USE_LEVEL_LABELS[i.level],
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
      name: 'Content audit',
      columns: [
        { header: 'Item ID', width: 16 },
        { header: 'Item', width: 40, wrap: true },
        { header: 'Made content', width: 12 },
        { header: 'Owner', width: 20 },
        { header: 'Next review', width: 14, kind: 'date' },
        { header: 'Last reviewed', width: 14, kind: 'date' },
        { header: 'Review', width: 16 },
        { header: 'Make-or-buy decision', width: 36, wrap: true },
        { header: 'Maintenance hours a year', width: 14, kind: 'number' },
        ...(scores ? [{ header: 'Capacity check', width: 16 }] : []),
      ],
      rows: audit.rows.map((r) => [
        r.item.id,
        text(r.item.title),
        r.made ? 'Yes' : 'No',
        text(r.entry?.owner),
        excelDate(r.entry?.reviewDate),
        excelDate(r.entry?.lastReviewed),
        REVIEW_STATE_LABELS[r.state],
        text(r.decision?.need),
        r.entry?.maintenanceHoursPerYear ?? null,
        ...(scores
          ? [
              r.maintenance
                ? r.maintenance.verdict === 'over'
                  ? 'Over capacity'
                  : r.maintenance.verdict === 'within'
                    ? 'Within capacity'
                    : 'Not rated'
                : null,
            ]
          : []),
      ]),
    });
  return sheets;
}

/** Whether the plan has a skills map to report on. */
export function hasSkillsFirst(plan: Plan): boolean {
  return plan.skillsMap.skills.length > 0 && plan.skillsMap.holders.length > 0;
}

/** The Skills-first KPIs chapter: counts per role and capability, no person named. */
export function skillsFirstBlocks(plan: Plan): DocBlock[] {
  if (!hasSkillsFirst(plan)) return [];
  const index = indexSkills(plan.skillsMap);
  const q = qualifiedTalent(index);
  const t = timeToClose(index);
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: 'Skills-first KPIs from the skills map: roles filled by qualified talent, how fast skill gaps close, and the capabilities each business initiative needs.',
    },
    {
      type: 'facts',
      rows: [
        [
          'Roles filled by qualified talent',
          q.share === null
            ? 'Nobody is in a role with required levels yet'
            : `${pct(q.share)} (${n(q.qualified)} of ${n(q.positions)})`,
        ],
        [
          'Time to close a skill gap (median)',
          t.medianDays === null ? 'No gap closed yet' : `${n(Math.round(t.medianDays))} days`,
        ],
        ['Skill gaps closed / still open', `${n(t.closed)} / ${n(t.open)}`],
      ],
    },
    {
      type: 'paragraph',
      style: 'note',
      text: `${SKILLS_FIRST_RULES.qualified} ${SKILLS_FIRST_RULES.timeToClose}`,
    },
  ];
  if (q.roles.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Roles' },
      {
        type: 'table',
        columns: [
          { title: 'Role', width: 46 },
          { title: 'Required levels', width: 18, numeric: true },
          { title: 'People in it', width: 18, numeric: true },
          { title: 'Qualified', width: 18, numeric: true },
        ],
        rows: q.roles.map((r) => [
          r.name || 'Unnamed role',
          n(r.requirements),
          n(r.people.length),
          r.requirements > 0 ? n(r.qualified.length) : '—',
        ]),
      },
    );
  const groups = capabilitiesByInitiative(index);
  if (groups.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Critical capabilities per business initiative' },
      { type: 'paragraph', style: 'note', text: SKILLS_FIRST_RULES.capabilities },
      {
        type: 'table',
        columns: [
          { title: 'Initiative', width: 24 },
          { title: 'Skills', width: 30 },
          { title: 'Gap', width: 8 },
          { title: 'Decision', width: 16 },
          { title: 'Milestone', width: 22 },
        ],
        rows: groups.flatMap((g) =>
          g.capabilities.map((c) => [
            g.initiative || 'Initiative not named',
            c.skills.map((s) => `${s.name}${s.status === 'gap' ? ' (gap)' : ''}`).join(', ') || '—',
            c.gap ? 'Yes' : 'No',
            c.capability.gapDecision
              ? GAP_DECISION_LABELS[c.capability.gapDecision]
              : 'Not decided',
            `${c.capability.milestone || '—'}${c.capability.milestoneDate ? ` (${formatDate(c.capability.milestoneDate)})` : ''}`,
          ]),
        ),
      },
    );
  return blocks;
}

/** The Skills-first sheet: one row per capability skill, counts per role (no person named). */
export function skillsFirstSheets(plan: Plan): ContentSheet[] {
  if (!hasSkillsFirst(plan)) return [];
  const index = indexSkills(plan.skillsMap);
  const q = qualifiedTalent(index);
  const sheets: ContentSheet[] = [
    {
      name: 'Skills-first roles',
      columns: [
        { header: 'Role ID', width: 16 },
        { header: 'Role', width: 36, wrap: true },
        { header: 'Required levels', width: 14, kind: 'integer' },
        { header: 'People in it', width: 14, kind: 'integer' },
        { header: 'Qualified', width: 14, kind: 'integer' },
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
      name: 'Critical capabilities',
      columns: [
        { header: 'Initiative', width: 30, wrap: true },
        { header: 'Skill', width: 24 },
        { header: 'Status', width: 18 },
        { header: 'Roles requiring it', width: 14, kind: 'integer' },
        { header: 'Roles with nobody at level', width: 16, kind: 'integer' },
        { header: 'Decision', width: 18 },
        { header: 'Milestone', width: 30, wrap: true },
        { header: 'Milestone date', width: 14, kind: 'date' },
      ],
      rows: groups.flatMap((g) =>
        g.capabilities.flatMap((c) =>
          c.skills.map((s) => [
            text(g.initiative),
            text(s.name),
            s.status === 'gap' ? 'Gap' : s.status === 'covered' ? 'Covered' : 'No role requires it',
            s.roles.length,
            s.roles.filter((r) => r.atLevel === 0).length,
            c.capability.gapDecision ? GAP_DECISION_LABELS[c.capability.gapDecision] : null,
            text(c.capability.milestone),
            excelDate(c.capability.milestoneDate),
          ]),
        ),
      ),
    });
  return sheets;
}
