/**
 * The "Engagement and follow-ups" chapter of the Word plan and its Excel
 * rows (issue 14): the engagement activities (kind, cadence, owner, the
 * partner who delivers them, segments), the follow-up rules (condition,
 * segments, channel, whether a message is written) and the follow-up counts
 * the team kept (per rule, total, licences that could be freed). Counts
 * only: the learners themselves — names, e-mails — stay in the app's local
 * database and never reach an export; message texts, like the launch
 * communications', are exported one by one from their section (the CSV
 * for the mail tool), not in the plan's documents.
 */
import type { DocBlock } from './document';
import { formatDate } from './document';
import { ENGAGEMENT_KIND_LABELS } from '../manage/engagement-suggestions';
import { describeRule, ruleTitle } from '../manage/follow-ups';
import type { Plan } from '../plan/schema';

const n = (v: number) => v.toLocaleString('en-GB');

/** Whether the plan has anything for this chapter. */
export function hasEngagement(plan: Plan): boolean {
  const m = plan.manage;
  return m.engagement.length > 0 || m.followUps.length > 0 || m.followUpCounts.length > 0;
}

function segmentNames(plan: Plan, ids: readonly string[]): string {
  if (ids.length === 0) return 'Every learner';
  const names = ids.flatMap((id) => {
    const s = plan.learners.find((x) => x.id === id);
    return s ? [s.name.trim() || 'Unnamed segment'] : [];
  });
  return names.join(', ') || 'Every learner';
}

function partnerName(plan: Plan, id: string | null): string {
  if (id === null) return 'Program team';
  const p = plan.stakeholders.entries.find((e) => e.id === id);
  return p ? p.name.trim() || p.organisation.trim() || 'Unnamed partner' : 'Program team';
}

const CHANNEL = { email: 'E-mail', sms: 'Text message' } as const;

/** The activities as rows: title, kind, cadence, owner, delivered by, segments. */
export function activityRows(plan: Plan): string[][] {
  return plan.manage.engagement.map((a) => [
    a.title.trim() || 'Untitled activity',
    ENGAGEMENT_KIND_LABELS[a.kind] ?? a.kind,
    a.cadence.trim() || '—',
    a.owner.trim() || 'Not named',
    partnerName(plan, a.partnerId),
    segmentNames(plan, a.segmentIds),
  ]);
}

/** The rules as rows, in matching order: rule, condition, segments, channel, message, on. */
export function ruleRows(plan: Plan): string[][] {
  return plan.manage.followUps.map((r, i) => [
    `${i + 1}. ${ruleTitle(r)}`,
    describeRule(r),
    segmentNames(plan, r.segmentIds),
    CHANNEL[r.channel],
    r.message.trim() ? 'Written' : 'Not yet',
    r.active ? 'On' : 'Off',
  ]);
}

/** The kept follow-up counts, newest last (at most the last 24). */
export function countRows(plan: Plan): { headers: string[]; rows: (string | number)[][] } {
  const rules = plan.manage.followUps;
  const kept = plan.manage.followUpCounts.slice(-24);
  return {
    headers: [
      'Date',
      'Learners to follow up',
      'Licences that could be freed',
      ...rules.map((r) => ruleTitle(r)),
    ],
    rows: kept.map((c) => [
      c.date,
      c.total,
      c.licencesFreeable,
      ...rules.map((r) => c.byRule[r.id] ?? ''),
    ]),
  };
}

/** The chapter's blocks; empty when the plan has no engagement, rules or counts. */
export function engagementBlocks(plan: Plan): DocBlock[] {
  if (!hasEngagement(plan)) return [];
  const m = plan.manage;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `${m.engagement.length === 1 ? 'One engagement activity' : `${n(m.engagement.length)} engagement activities`} and ${m.followUps.length === 1 ? 'one follow-up rule' : `${n(m.followUps.length)} follow-up rules`} keep learners going, from their first lesson to completion.`,
    },
  ];
  if (m.engagement.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Engagement activities' },
      {
        type: 'table',
        columns: [
          { title: 'Activity', width: 24 },
          { title: 'Kind', width: 14 },
          { title: 'Cadence', width: 18 },
          { title: 'Owner', width: 14 },
          { title: 'Delivered by', width: 15 },
          { title: 'For', width: 15 },
        ],
        rows: activityRows(plan),
      },
    );
  if (m.followUps.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Follow-up rules' },
      {
        type: 'paragraph',
        text: 'Each day the learner roster is checked against these rules in this order; a learner is listed once, under the first rule whose condition holds, and learners who have completed are never listed.',
      },
      {
        type: 'table',
        columns: [
          { title: 'Rule', width: 22 },
          { title: 'Condition', width: 30 },
          { title: 'For', width: 16 },
          { title: 'Channel', width: 11 },
          { title: 'Message', width: 10 },
          { title: 'On', width: 7 },
        ],
        rows: ruleRows(plan),
      },
    );
  blocks.push({
    type: 'facts',
    rows: [
      [
        'Licences freed',
        `After ${n(m.licenceReleaseAfterDays)} days without activity (learners who have not completed)`,
      ],
      [
        'Licences planned',
        plan.launch.marketing.licenses === null ? 'Not set' : n(plan.launch.marketing.licenses),
      ],
    ],
  });
  if (m.followUpCounts.length > 0) {
    const { headers, rows } = countRows(plan);
    blocks.push(
      { type: 'heading', level: 2, text: 'Follow-up counts' },
      {
        type: 'table',
        columns: headers.map((title, i) => ({
          title,
          width: i === 0 ? 12 : Math.max(9, Math.floor(88 / (headers.length - 1))),
          numeric: i > 0,
        })),
        rows: rows.map((r) =>
          r.map((v, i) => (i === 0 ? formatDate(String(v)) : typeof v === 'number' ? n(v) : v)),
        ),
      },
    );
  }
  blocks.push({
    type: 'paragraph',
    style: 'note',
    text: 'Counts only: the learners to follow up — their names and contact details — stay on the program team’s computer and are exported for the mail or SMS tool from the app, never in this document.',
  });
  return blocks;
}

/** A column of the Excel sheets (the shape of xlsx.ts table sheets). */
export interface EngagementSheetColumn {
  readonly header: string;
  readonly width: number;
  readonly kind?: 'integer' | 'date';
  readonly wrap?: boolean;
}

/** One Excel sheet's name, columns and rows. */
export interface EngagementSheet {
  readonly name: string;
  readonly columns: readonly EngagementSheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * The Excel sheets: "Engagement and follow-ups" (one row per activity, then
 * one per rule in matching order) and, when counts were kept, "Follow-up
 * counts" (one row per day: total, licences that could be freed, per rule).
 */
export function engagementSheets(plan: Plan): EngagementSheet[] {
  const rows: (string | number | null)[][] = [
    ...activityRows(plan).map(([title, kind, cadence, owner, partner, segments]) => [
      'Engagement activity',
      title!,
      kind!,
      cadence!,
      owner!,
      partner!,
      segments!,
      '',
      '',
      '',
    ]),
    ...ruleRows(plan).map(([title, condition, segments, channel, message, on]) => [
      'Follow-up rule',
      title!,
      'Follow-up',
      condition!,
      '',
      '',
      segments!,
      channel!,
      message!,
      on!,
    ]),
  ];
  const sheets: EngagementSheet[] = [
    {
      name: 'Engagement and follow-ups',
      columns: [
        { header: 'Part', width: 20 },
        { header: 'Title', width: 32, wrap: true },
        { header: 'Kind', width: 18 },
        { header: 'Cadence or condition', width: 40, wrap: true },
        { header: 'Owner', width: 18 },
        { header: 'Delivered by', width: 22, wrap: true },
        { header: 'For', width: 24, wrap: true },
        { header: 'Channel', width: 14 },
        { header: 'Message', width: 10 },
        { header: 'On', width: 6 },
      ],
      rows,
    },
  ];
  if (plan.manage.followUpCounts.length > 0) {
    const counts = countRows(plan);
    sheets.push({
      name: 'Follow-up counts',
      columns: counts.headers.map((header, i) =>
        i === 0
          ? { header, width: 14, kind: 'date' as const }
          : { header, width: 18, kind: 'integer' as const, wrap: true },
      ),
      rows: counts.rows.map((r) => r.map((v) => (v === '' ? null : v))),
    });
  }
  return sheets;
}
