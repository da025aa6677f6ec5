/**
 * The "Invitations" chapter of the Word plan and its Excel rows (issue 13):
 * the invitations needed (licences × ratio, with the reason), their split
 * by learner segment and wave, each wave's expected funnel and the forecast
 * licence use. Counts only: the invitation list (names, e-mail addresses)
 * lives in the app's local database and never reaches an export.
 */
import { formatDate } from './document';
import type { DocBlock } from './document';
import { RATIO_EXPLANATION, invitationSummary } from '../launch/invitations';
import type { Plan } from '../plan/schema';

const n = (v: number) => v.toLocaleString('en-GB');

/** Whether the plan has an invitation plan to export (licences set). */
export function hasInvitations(plan: Plan): boolean {
  return (plan.launch.marketing.licenses ?? 0) > 0;
}

/** The chapter's blocks; empty when the plan has no licences yet. */
export function invitationBlocks(plan: Plan): DocBlock[] {
  if (!hasInvitations(plan)) return [];
  const s = invitationSummary(plan);
  const rates = plan.launch.invitations.rates;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `To fill ${n(s.licences!)} licences the program sends ${n(s.needed)} invitations: ${s.ratio.toLocaleString('en-GB')} per licence.`,
    },
    { type: 'paragraph', style: 'note', text: RATIO_EXPLANATION },
    {
      type: 'facts',
      rows: [
        ['Licences', n(s.licences!)],
        ['Invitations per licence', s.ratio.toLocaleString('en-GB')],
        ['Invitations needed', n(s.needed)],
        ['Usual range', `${n(s.range.low)} to ${n(s.range.high)}`],
        [
          'Expected rates',
          `${rates.registered} % register, ${rates.active} % of them start learning, ${rates.completing} % of those finish`,
        ],
      ],
    },
  ];
  const waves = s.waves;
  blocks.push(
    { type: 'heading', level: 2, text: 'Invitations by segment and wave' },
    {
      type: 'table',
      columns: [
        { title: 'Learner segment', width: 34 },
        { title: 'Expected participants', width: 14, numeric: true },
        ...waves.map((w) => ({ title: w.name || 'Wave', width: 12, numeric: true })),
        { title: 'Invitations', width: 12, numeric: true },
      ],
      rows: s.segments.map((seg) => [
        seg.name || 'Untitled segment',
        seg.expectedParticipants === null ? '—' : n(seg.expectedParticipants),
        ...seg.byWave.map(n),
        n(seg.invitations),
      ]),
      totalRow: ['Total', '', ...waves.map((w) => n(w.invitations)), n(s.needed)],
    },
  );
  if (waves.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Expected funnel per wave' },
      {
        type: 'table',
        columns: [
          { title: 'Wave', width: 24 },
          { title: 'Date', width: 18 },
          { title: 'Invited', width: 12, numeric: true },
          { title: 'Registered', width: 12, numeric: true },
          { title: 'Active', width: 12, numeric: true },
          { title: 'Completing', width: 12, numeric: true },
        ],
        rows: waves.map((w) => [
          w.name || 'Wave',
          w.date ? formatDate(w.date) : 'No date yet',
          n(w.funnel.invited),
          n(w.funnel.registered),
          n(w.funnel.active),
          n(w.funnel.completing),
        ]),
        totalRow: [
          'All waves',
          '',
          n(s.total.invited),
          n(s.total.registered),
          n(s.total.active),
          n(s.total.completing),
        ],
      },
    );
  if (s.forecast.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: 'Forecast licence use' },
      {
        type: 'table',
        columns: [
          { title: 'After', width: 28 },
          { title: 'Date', width: 18 },
          { title: 'Invited so far', width: 18, numeric: true },
          { title: 'Licences in use', width: 18, numeric: true },
          { title: 'Waiting for a licence', width: 18, numeric: true },
        ],
        rows: s.forecast.map((p) => [
          p.name || 'Wave',
          p.date ? formatDate(p.date) : 'No date yet',
          n(p.invited),
          n(p.used),
          n(p.waiting),
        ]),
      },
    );
  for (const w of s.warnings) blocks.push({ type: 'paragraph', style: 'note', text: w.message });
  return blocks;
}

/** Rows of the Excel "Invitations" sheet: segment × wave counts, then the funnel per wave. */
export function invitationRows(plan: Plan): {
  readonly split: { readonly headers: string[]; readonly rows: (string | number | null)[][] };
  readonly funnel: { readonly headers: string[]; readonly rows: (string | number | null)[][] };
} {
  const s = invitationSummary(plan);
  const waves = s.waves;
  return {
    split: {
      headers: [
        'Learner segment',
        'Expected participants',
        ...waves.map((w) => w.name || 'Wave'),
        'Invitations',
      ],
      rows: [
        ...s.segments.map((seg) => [
          seg.name,
          seg.expectedParticipants,
          ...seg.byWave,
          seg.invitations,
        ]),
        ['Total', null, ...waves.map((w) => w.invitations), s.needed],
      ],
    },
    funnel: {
      headers: ['Wave', 'Date', 'Share (%)', 'Invited', 'Registered', 'Active', 'Completing'],
      rows: waves.map((w) => [
        w.name,
        w.date,
        w.share,
        w.funnel.invited,
        w.funnel.registered,
        w.funnel.active,
        w.funnel.completing,
      ]),
    },
  };
}
