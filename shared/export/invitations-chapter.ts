/**
 * The "Invitations" chapter of the Word plan and its Excel rows (issue 13):
 * the invitations needed (licences × ratio, with the reason), their split
 * by learner segment and wave, each wave's expected funnel and the forecast
 * licence use. Counts only: the invitation list (names, e-mail addresses)
 * lives in the app's local database and never reaches an export.
 */
import type { DocBlock } from './document';
import {
  RATIO_MAX,
  RATIO_MIN,
  invitationSummary,
  type LicenceWarning,
} from '../launch/invitations';
import type { Plan } from '../plan/schema';
import { englishLocale, type DocLocale } from './locale';

/** Whether the plan has an invitation plan to export (licences set). */
export function hasInvitations(plan: Plan): boolean {
  return (plan.launch.marketing.licenses ?? 0) > 0;
}

/** A licence warning in the document language. */
function warningText(
  loc: DocLocale,
  w: LicenceWarning,
  licences: number,
  waves: readonly { readonly id: string; readonly name: string }[],
): string {
  const n = (v: number) => loc.count(v);
  if (w.kind === 'unused')
    return loc.d('invitations.unused', {
      unused: n(w.unused),
      licences: n(licences),
      expected: n(licences - w.unused),
    });
  const wave = waves.find((x) => x.id === w.waveId);
  const args = {
    expected: n(licences + w.waiting),
    licences: n(licences),
    waiting: n(w.waiting),
    freeable: n(w.freeable),
  };
  const first = wave
    ? loc.d('invitations.runOutDuring', { ...args, wave: wave.name })
    : loc.d('invitations.runOut', args);
  return `${first} ${w.freeable >= w.waiting ? loc.d('invitations.freeingCovers', args) : loc.d('invitations.freeingShort', args)}`;
}

/** The chapter's blocks; empty when the plan has no licences yet. */
export function invitationBlocks(plan: Plan, loc: DocLocale = englishLocale()): DocBlock[] {
  if (!hasInvitations(plan)) return [];
  const d = loc.d;
  const n = (v: number) => loc.count(v);
  const s = invitationSummary(plan);
  const rates = plan.launch.invitations.rates;
  const wave = (name: string) => name || d('invitations.wave');
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: d('invitations.lead', {
        licences: n(s.licences!),
        needed: n(s.needed),
        ratio: loc.count(s.ratio),
      }),
    },
    {
      type: 'paragraph',
      style: 'note',
      text: d('invitations.ratioExplanation', {
        min: loc.count(RATIO_MIN),
        max: loc.count(RATIO_MAX),
        licences: n(5000),
        low: n(5000 * RATIO_MIN),
        high: n(5000 * RATIO_MAX),
      }),
    },
    {
      type: 'facts',
      rows: [
        [d('budget.licences'), n(s.licences!)],
        [d('invitations.perLicence'), loc.count(s.ratio)],
        [d('invitations.needed'), n(s.needed)],
        [
          d('invitations.usualRange'),
          d('invitations.range', { low: n(s.range.low), high: n(s.range.high) }),
        ],
        [
          d('invitations.expectedRates'),
          d('invitations.rates', {
            registered: loc.percent(rates.registered / 100),
            active: loc.percent(rates.active / 100),
            completing: loc.percent(rates.completing / 100),
          }),
        ],
      ],
    },
  ];
  const waves = s.waves;
  blocks.push(
    { type: 'heading', level: 2, text: d('invitations.bySegment') },
    {
      type: 'table',
      columns: [
        { title: d('marketing.learnerSegment'), width: 34 },
        { title: d('budget.participants'), width: 14, numeric: true },
        ...waves.map((w) => ({ title: wave(w.name), width: 12, numeric: true })),
        { title: d('invitations.invitations'), width: 12, numeric: true },
      ],
      rows: s.segments.map((seg) => [
        seg.name || d('marketing.untitledSegment'),
        seg.expectedParticipants === null ? '—' : n(seg.expectedParticipants),
        ...seg.byWave.map(n),
        n(seg.invitations),
      ]),
      totalRow: [d('col.total'), '', ...waves.map((w) => n(w.invitations)), n(s.needed)],
    },
  );
  if (waves.length > 0)
    blocks.push(
      { type: 'heading', level: 2, text: d('invitations.funnel') },
      {
        type: 'table',
        columns: [
          { title: d('invitations.wave'), width: 24 },
          { title: d('engagement.date'), width: 18 },
          { title: d('invitations.invited'), width: 12, numeric: true },
          { title: d('invitations.registered'), width: 12, numeric: true },
          { title: d('invitations.active'), width: 12, numeric: true },
          { title: d('invitations.completing'), width: 12, numeric: true },
        ],
        rows: waves.map((w) => [
          wave(w.name),
          w.date ? loc.date(w.date) : d('invitations.noDate'),
          n(w.funnel.invited),
          n(w.funnel.registered),
          n(w.funnel.active),
          n(w.funnel.completing),
        ]),
        totalRow: [
          d('invitations.allWaves'),
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
      { type: 'heading', level: 2, text: d('invitations.forecast') },
      {
        type: 'table',
        columns: [
          { title: d('invitations.after'), width: 28 },
          { title: d('engagement.date'), width: 18 },
          { title: d('invitations.invitedSoFar'), width: 18, numeric: true },
          { title: d('invitations.inUse'), width: 18, numeric: true },
          { title: d('invitations.waiting'), width: 18, numeric: true },
        ],
        rows: s.forecast.map((p) => [
          wave(p.name),
          p.date ? loc.date(p.date) : d('invitations.noDate'),
          n(p.invited),
          n(p.used),
          n(p.waiting),
        ]),
      },
    );
  for (const w of s.warnings)
    blocks.push({
      type: 'paragraph',
      style: 'note',
      text: warningText(loc, w, s.licences!, waves),
    });
  return blocks;
}

/** Rows of the Excel "Invitations" sheet: segment × wave counts, then the funnel per wave. */
export function invitationRows(
  plan: Plan,
  loc: DocLocale = englishLocale(),
): {
  readonly split: { readonly headers: string[]; readonly rows: (string | number | null)[][] };
  readonly funnel: { readonly headers: string[]; readonly rows: (string | number | null)[][] };
} {
  const { d, w } = loc;
  const s = invitationSummary(plan);
  const waves = s.waves;
  return {
    split: {
      headers: [
        d('marketing.learnerSegment'),
        d('budget.participants'),
        ...waves.map((x) => x.name || d('invitations.wave')),
        d('invitations.invitations'),
      ],
      rows: [
        ...s.segments.map((seg) => [
          seg.name,
          seg.expectedParticipants,
          ...seg.byWave,
          seg.invitations,
        ]),
        [d('col.total'), null, ...waves.map((x) => x.invitations), s.needed],
      ],
    },
    funnel: {
      headers: [
        d('invitations.wave'),
        d('engagement.date'),
        w('invitations.share'),
        d('invitations.invited'),
        d('invitations.registered'),
        d('invitations.active'),
        d('invitations.completing'),
      ],
      rows: waves.map((x) => [
        x.name,
        x.date,
        x.share,
        x.funnel.invited,
        x.funnel.registered,
        x.funnel.active,
        x.funnel.completing,
      ]),
    },
  };
}
