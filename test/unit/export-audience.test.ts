/**
 * Audience profiles (issue 12): for the sample plan and every profile, build
 * the Word file and the workbook, unzip them and read every XML part. Each
 * value a profile must leave out — generated from the plan data, field by
 * field of the table in shared/export/audience.ts — must be absent from both
 * files; the same values must be present in the profiles that show them (so
 * the check cannot pass by looking for text that was never there), and what
 * every profile keeps (names, roles, decisions, indicators) must remain.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTION_LABELS, scorePlanDecision } from '../../shared/content/makeorbuy';
import { CHECKLIST_STATUS_LABELS } from '../../shared/launch/checklist';
import { COMMUNICATION_STATUS_LABELS } from '../../shared/launch/communication-drafts';
import {
  AUDIENCE_FIELDS,
  PROFILE_IDS,
  shows,
  type AudienceFieldId,
  type Profile,
} from '../../shared/export/audience';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Plan } from '../../shared/plan/schema';
import { QUADRANT_INFO } from '../../shared/stakeholders/quadrants';
import { STANCE_INFO, stanceLabel } from '../../shared/stakeholders/register';
import { largePlan } from '../helpers/large-plan';
import { exportOptions, samplePlan, xmlUnescape } from './export-helpers';

const plan = samplePlan();
/** After some engagement actions fall due, so "Overdue" statuses exist to leave out. */
const AS_OF = '2027-02-20';

/** The text of one XML fragment: tags removed, paragraph/cell/row ends as line breaks. */
function textOf(xml: string): string {
  return xmlUnescape(
    xml
      .replace(/<w:br\/>|<w:tab\/>|<\/w:p>|<\/w:tc>|<\/si>|<\/c>|<\/row>|<\/a:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  ).replace(/[ \u00a0]+/g, ' ');
}

/** A file read back: the text of every XML part, and its table rows as cell texts. */
interface ReadFile {
  readonly name: string;
  readonly text: string;
  readonly rows: readonly (readonly string[])[];
}

function readDocx(bytes: Uint8Array): ReadFile {
  const parts = unzipSync(bytes);
  const xml = Object.entries(parts)
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
    .map(([, data]) => strFromU8(data));
  const rows = xml.flatMap((part) =>
    [...part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]).trim()),
    ),
  );
  return { name: 'Word', text: xml.map(textOf).join('\n'), rows };
}

function readXlsx(bytes: Uint8Array): ReadFile {
  const parts = unzipSync(bytes);
  const xml = Object.entries(parts)
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
    .map(([name, data]) => [name, strFromU8(data)] as const);
  const shared = [
    ...(xml.find(([name]) => name === 'xl/sharedStrings.xml')?.[1] ?? '').matchAll(
      /<si>[\s\S]*?<\/si>/g,
    ),
  ].map((si) => textOf(si[0]).trim());
  const rows = xml
    .filter(([name]) => name.startsWith('xl/worksheets/sheet'))
    .flatMap(([, sheet]) =>
      [...sheet.matchAll(/<row[ >][\s\S]*?<\/row>/g)].map((row) =>
        [...row[0].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
          const value = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1] ?? '';
          if (/t="s"/.test(c[1] ?? '')) return shared[Number(value)] ?? '';
          if (/t="inlineStr"/.test(c[1] ?? '')) return textOf(c[2] ?? '').trim();
          return xmlUnescape(value);
        }),
      ),
    );
  return {
    name: 'Excel',
    text: [...xml.map(([, part]) => textOf(part)), ...rows.map((r) => r.join('\n'))].join('\n'),
    rows,
  };
}

/** Sentences of a free text worth looking for on their own (long enough to be unique). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|(?<=[。！？])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25);
}

/** What a field looks like in a file: texts anywhere, or a value in a stakeholder's row. */
interface Sensitive {
  /** Texts that must not appear anywhere in any XML part. */
  readonly texts: readonly string[];
  /** Cell values that must not appear in a table row naming that stakeholder. */
  readonly rowValues: readonly { readonly name: string; readonly values: readonly string[] }[];
}

const entries = plan.stakeholders.entries;
const QUADRANTS = Object.values(QUADRANT_INFO);

/** Every value of the sample that a field holds, generated from the plan. */
function sensitiveValues(p: Plan, field: AudienceFieldId): Sensitive {
  const none = { texts: [], rowValues: [] };
  switch (field) {
    case 'stakeholderContact':
      return {
        texts: p.stakeholders.entries.flatMap((e) => [
          ...e.contact.split('·').map((part) => part.trim()),
          ...(e.contact.match(/[\w.+-]+@[\w.-]+/g) ?? []),
        ]),
        rowValues: [],
      };
    case 'stakeholderNotes':
      return { texts: p.stakeholders.entries.flatMap((e) => sentences(e.notes)), rowValues: [] };
    case 'checkpointNotes':
      return {
        texts: p.stakeholders.checkpoints.flatMap((c) => sentences(c.notes)),
        rowValues: [],
      };
    case 'catalogNotes':
      return { texts: p.content.catalog.flatMap((c) => sentences(c.notes)), rowValues: [] };
    case 'raterNames':
      return {
        texts: p.content.decisions.flatMap((d) => d.raters.map((r) => r.name)),
        rowValues: [],
      };
    case 'stakeholderStance':
      return {
        texts: [
          ...p.stakeholders.entries.map(
            (e) => `${stanceLabel(e.currentStance)} → ${stanceLabel(e.desiredStance)}`,
          ),
          'Current stance',
          'Desired stance',
        ],
        rowValues: p.stakeholders.entries.map((e) => ({
          name: e.name,
          values: [
            ...STANCE_INFO.map((s) => s.label),
            `${stanceLabel(e.currentStance)} → ${stanceLabel(e.desiredStance)}`,
          ],
        })),
      };
    case 'stakeholderScores':
      return {
        texts: ['Power (0–100)', 'Interest (0–100)', 'Power/interest matrix'],
        rowValues: p.stakeholders.entries.map((e) => ({
          name: e.name,
          values: [String(e.power), String(e.interest)],
        })),
      };
    case 'stakeholderQuadrant':
      return {
        texts: QUADRANTS.flatMap((q) => [
          q.summary,
          q.approach,
          q.rhythm,
          `${q.label} (${q.summary.toLowerCase()})`,
        ]),
        rowValues: p.stakeholders.entries.map((e) => ({
          name: e.name,
          values: [...QUADRANTS.map((q) => q.label), 'Unplaced'],
        })),
      };
    case 'keyBuyIn':
      return {
        texts: ['Whose buy-in is key?', ...sentences(p.stakeholders.questions.keyBuyIn)],
        rowValues: [],
      };
    case 'engagementPlan':
      return {
        texts: [
          ...p.stakeholders.entries.flatMap((e) => e.actions.map((a) => a.what)),
          'Engagement plan',
          'Next checkpoint',
          'Checkpoint review',
        ],
        rowValues: [],
      };
    case 'actionStatus':
      return { texts: ['Overdue', 'Statuses are as of', 'Status on'], rowValues: [] };
    case 'checklistStatus':
      return {
        texts: [`of the ${p.launch.checklist.length} onboarding steps`],
        // A step's row never carries its status in a file without statuses.
        rowValues: p.launch.checklist.map((i) => ({
          name: i.label,
          values: [...Object.values(CHECKLIST_STATUS_LABELS), 'Overdue'],
        })),
      };
    case 'checklistNotes':
      return { texts: p.launch.checklist.flatMap((i) => sentences(i.notes)), rowValues: [] };
    case 'communicationStatus':
      return {
        texts: [],
        // A communication's row never carries its status in a file without statuses.
        rowValues: p.launch.communications.map((c) => ({
          name: c.title,
          values: Object.values(COMMUNICATION_STATUS_LABELS),
        })),
      };
    case 'makeOrBuyScores':
      return {
        texts: [
          ...p.content.decisions.flatMap((d) => {
            const score = scorePlanDecision(d);
            return [
              ...d.criteria.map((c) => c.label),
              // Shown to one decimal and adding up to 100 (largest remainder).
              `Make ${(Math.round(score.make * 10) / 10).toFixed(1)}, Buy ${(100 - Math.round(score.make * 10) / 10).toFixed(1)}`,
            ];
          }),
          'Average rating',
          'Make points',
          'Buy points',
          'Hybrid band',
        ],
        rowValues: [],
      };
    case 'reviewJudgements':
      // Issue 14: what the reviews say; a partner-safe file keeps only their dates.
      return {
        texts: [
          'Assumptions at the latest review',
          ...p.manage.reviews.flatMap((r) => [
            ...sentences(r.decisions),
            ...r.assumptions.flatMap((c) => sentences(c.note)),
          ]),
        ],
        rowValues: [],
      };
    case 'personalData':
      return {
        texts: [
          // Stories with consent recorded go into the Marketing plan chapter (issue 13); the rest never leave.
          ...p.launch.marketing.stories
            .filter((s) => !s.consentGiven)
            .flatMap((s) => [s.title, ...sentences(s.summary)]),
          // Communications' wording is in the chapter now, in every profile (issue 13).
          ...p.manage.cohorts.flatMap((c) => sentences(c.notes)),
        ],
        rowValues: [],
      };
    default:
      return none;
  }
}

/** What every profile shows: who takes part, in what role, and what was decided. */
function keptEverywhere(p: Plan, kind: 'docx' | 'xlsx'): string[] {
  return [
    ...p.stakeholders.entries.flatMap((e) => [e.name, e.organisation, e.role]),
    // The workbook has no sheet of industry checkpoints.
    ...(kind === 'docx' ? p.stakeholders.checkpoints.map((c) => c.title) : []),
    ...p.indicators.map((i) => i.name),
    ...p.content.catalog.map((c) => c.title),
    ...p.content.decisions.flatMap((d) => [d.need, ...sentences(d.rationale).slice(0, 1)]),
    ...(kind === 'docx' ? sentences(p.stakeholders.questions.jobsNeededNow) : []),
  ];
}

const KEPT = [...keptEverywhere(plan, 'docx'), ...keptEverywhere(plan, 'xlsx')];

/** Sensitive values found in a file (`kept`: what every profile shows of that plan). */
function found(file: ReadFile, sensitive: Sensitive, kept: readonly string[] = KEPT): string[] {
  const hits = sensitive.texts.filter(
    (text) =>
      text &&
      file.text.includes(text) &&
      // An action named like a checkpoint ("Quarterly employer advisory panel") is
      // no leak: the checkpoint's own title, shown to everyone, contains it.
      !kept.some((k) => k.includes(text)),
  );
  for (const { name, values } of sensitive.rowValues)
    for (const row of file.rows)
      if (row.includes(name))
        for (const value of values)
          if (row.includes(value)) hits.push(`${value} in the row of ${name}`);
  return hits;
}

const files = new Map<Profile, { docx: ReadFile; xlsx: ReadFile }>();

beforeAll(async () => {
  for (const profile of PROFILE_IDS) {
    const options = exportOptions({ profile, asOf: AS_OF });
    files.set(profile, {
      docx: readDocx(await buildPlanDocx(plan, options)),
      xlsx: readXlsx(await buildPlanXlsx(plan, options)),
    });
  }
}, 60_000);

const FIELDS = Object.keys(AUDIENCE_FIELDS) as AudienceFieldId[];

describe('audience profiles in the Word and Excel files (issue 12)', { timeout: 60_000 }, () => {
  it('generates sensitive values for every field from the sample', () => {
    for (const field of FIELDS) {
      const s = sensitiveValues(plan, field);
      expect(s.texts.length + s.rowValues.length, field).toBeGreaterThan(0);
    }
  });

  for (const profile of PROFILE_IDS)
    for (const kind of ['docx', 'xlsx'] as const)
      it(`${profile} ${kind}: leaves out exactly what its profile must leave out`, () => {
        const file = files.get(profile)![kind];
        for (const field of FIELDS) {
          if (shows(profile, field)) continue;
          expect(found(file, sensitiveValues(plan, field)), `${field} in ${file.name}`).toEqual([]);
        }
      });

  it('shows each field in the Word file of every profile that keeps it', () => {
    // Otherwise the absence above could come from values that are never written.
    for (const profile of PROFILE_IDS)
      for (const field of FIELDS) {
        if (!shows(profile, field)) continue;
        const { texts } = sensitiveValues(plan, field);
        const file = files.get(profile)!.docx;
        const missing = texts.filter(
          (text) =>
            !file.text.includes(text) &&
            // Excel-only headings and the workbook's own words.
            !['Current stance', 'Desired stance', 'Power (0–100)', 'Interest (0–100)'].includes(
              text,
            ) &&
            !['Next checkpoint', 'Hybrid band', 'Make points', 'Buy points'].includes(text) &&
            // Quadrant texts of quadrants no stakeholder of the sample sits in.
            !QUADRANTS.some((q) => [q.approach, q.rhythm, q.summary].includes(text)),
        );
        expect(missing, `${profile}: ${field}`).toEqual([]);
      }
  });

  it('finds stances, scores and quadrants in the stakeholder rows of the profiles that keep them', () => {
    for (const profile of ['internal', 'funder'] as const)
      for (const file of Object.values(files.get(profile)!))
        for (const field of [
          'stakeholderStance',
          'stakeholderScores',
          'stakeholderQuadrant',
        ] as const)
          expect(
            found(file, { texts: [], rowValues: sensitiveValues(plan, field).rowValues }).length,
            `${profile} ${file.name} ${field}`,
          ).toBeGreaterThanOrEqual(entries.length);
  });

  it('shows each field in the workbook of every profile that keeps it', () => {
    const inWorkbook: Partial<Record<AudienceFieldId, readonly string[]>> = {
      stakeholderContact: sensitiveValues(plan, 'stakeholderContact').texts,
      stakeholderNotes: sensitiveValues(plan, 'stakeholderNotes').texts,
      catalogNotes: sensitiveValues(plan, 'catalogNotes').texts,
      raterNames: sensitiveValues(plan, 'raterNames').texts,
      stakeholderStance: ['Current stance', 'Desired stance'],
      stakeholderScores: ['Power (0–100)', 'Interest (0–100)'],
      stakeholderQuadrant: ['Quadrant'],
      engagementPlan: ['Next checkpoint'],
      checklistStatus: ['Status on 20 February 2027'],
      checklistNotes: sensitiveValues(plan, 'checklistNotes').texts,
      makeOrBuyScores: ['Average rating', 'Make points', 'Buy points'],
    };
    for (const profile of PROFILE_IDS)
      for (const [field, texts] of Object.entries(inWorkbook) as [AudienceFieldId, string[]][]) {
        if (!shows(profile, field)) continue;
        const file = files.get(profile)!.xlsx;
        expect(
          texts.filter((text) => !file.text.includes(text)),
          `${profile}: ${field}`,
        ).toEqual([]);
      }
  });

  it('keeps in every profile who takes part, in what role, and what was decided', () => {
    for (const profile of PROFILE_IDS)
      for (const [kind, file] of Object.entries(files.get(profile)!) as [
        'docx' | 'xlsx',
        ReadFile,
      ][]) {
        const keep = keptEverywhere(plan, kind);
        expect(
          keep.filter((text) => !file.text.includes(text)),
          `${profile} ${file.name}`,
        ).toEqual([]);
        // The decision itself is no internal rating.
        for (const d of plan.content.decisions)
          if (d.decision) expect(file.text).toContain(OPTION_LABELS[d.decision]);
      }
  });

  it('never writes learners’ stories without consent or cohort notes', () => {
    const personal = sensitiveValues(plan, 'personalData');
    // The cohort notes' sentences (every story in the sample has consent; export-stories.test.ts
    // checks a story without it).
    expect(personal.texts.length).toBeGreaterThanOrEqual(3);
    for (const profile of PROFILE_IDS)
      for (const file of Object.values(files.get(profile)!))
        expect(found(file, personal), `${profile} ${file.name}`).toEqual([]);
  });

  it('states the "as of" date on the cover and the summary sheet, and works statuses out for it', () => {
    const funder = files.get('funder')!;
    expect(funder.docx.text).toContain('20 February 2027');
    expect(funder.docx.text).toContain('Status on 20 February 2027');
    // Submitted on 27 Nov 2026 and done; signing due 29 Jan 2027 and open: overdue on 20 Feb.
    const sign = funder.docx.rows.find((r) => r.includes('Sign connectivity agreement'));
    expect(sign).toContain('Overdue');
    expect(funder.docx.text).not.toMatch(/Overdue by|Due in \d/);
    const earlier = readDocxSync('funder', '2026-11-01');
    // Not yet due on 1 November: said so, beside its date, not as a count of days (issue 12, "Due in 157 days").
    const open = earlier.rows.find((r) => r.includes('Sign connectivity agreement'));
    expect(open).toContain('Not yet due');
    expect(open).toContain('29 January 2027');
    expect(files.get('partner')!.xlsx.rows.some((r) => r[0] === 'As of')).toBe(true);
  });

  it.each(PROFILE_IDS)(
    'leaves no heading without content, no empty column and no empty row (%s)',
    (profile) => {
      const doc = planDocument(plan, exportOptions({ profile, asOf: AS_OF }));
      const empty = (cell: string | undefined) => !cell || cell === '—';
      for (const section of doc.sections) {
        section.blocks.forEach((block, i) => {
          if (block.type === 'heading') {
            const next = section.blocks[i + 1];
            expect(next, `heading "${block.text}" ends its section`).toBeDefined();
            if (next?.type === 'heading') expect(next.level).toBeGreaterThan(block.level);
          }
          if (block.type === 'table') {
            block.columns.forEach((column, c) =>
              expect(
                block.rows.some((row) => !empty(row[c])),
                `column "${column.title}" is empty`,
              ).toBe(true),
            );
            for (const row of block.rows)
              expect(row.slice(1).every(empty), `row "${row[0]}" is a row of dashes`).toBe(false);
          }
        });
        if (profile === 'partner')
          expect(section.blocks.some((b) => b.type === 'diagram' && /Power/.test(b.caption))).toBe(
            false,
          );
      }
    },
  );
});

/** The Word file's text for a profile and "as of" date, from the document model. */
function readDocxSync(profile: Profile, asOf: string): { rows: string[][] } {
  const doc = planDocument(plan, exportOptions({ profile, asOf }));
  return {
    rows: doc.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => [...r]) : [])),
    ),
  };
}

describe('industry checkpoints as of the chosen date', () => {
  it('gives a recurring checkpoint its next date on or after the "as of" date', () => {
    const rows = (asOf: string) =>
      planDocument(plan, exportOptions({ profile: 'partner', asOf }))
        .sections.flatMap((s) => s.blocks)
        .flatMap((b) => (b.type === 'table' ? b.rows : []));
    const panel = (asOf: string) =>
      rows(asOf).find((r) => r[0]?.startsWith('Quarterly employer advisory panel'));
    // Planned for 20 January 2027, every 91 days.
    expect(panel('2026-11-22')?.[1]).toBe('20 January 2027');
    expect(panel('2027-01-20')?.[1]).toBe('20 January 2027');
    expect(panel('2027-02-20')?.[1]).toBe('21 April 2027');
    expect(panel('2027-04-21')?.[1]).toBe('21 April 2027');
  });
});

/** The sample with its sensitive fields in Arabic, Chinese and emoji, and longer names. */
function multilingualPlan(): Plan {
  const p = samplePlan();
  return {
    ...p,
    stakeholders: {
      ...p.stakeholders,
      entries: p.stakeholders.entries.map((e, i) => ({
        ...e,
        name: `${e.name} — مجلس ${i + 1}`,
        contact: `王小明 ${i + 1} · wang.xiaoming${i + 1}@例子.example.cn · +86 10 5555 01${String(i).padStart(2, '0')}`,
        notes: `ملاحظة داخلية رقم ${i + 1}: لا تشارك هذا مع الشريك 🙂🤝 قبل اجتماع المجلس. 内部备注第${i + 1}条：合作伙伴尚未签署协议，请勿外传。`,
      })),
      checkpoints: p.stakeholders.checkpoints.map((c, i) => ({
        ...c,
        notes: `检查点备注${i + 1}：雇主对课程质量仍有疑虑，需要在下次会议前解决。📋`,
      })),
    },
    content: {
      ...p.content,
      catalog: p.content.catalog.map((c, i) => ({
        ...c,
        notes: `🔒 ملاحظة عن المورد ${i + 1}: السعر قابل للتفاوض حتى نهاية الشهر القادم.`,
      })),
      decisions: p.content.decisions.map((d) => ({
        ...d,
        raters: d.raters.map((r, i) => ({ ...r, name: `د. ليلى حداد ${i + 1} (合作伙伴)` })),
      })),
    },
  };
}

describe('partner-safe and funder files of other plans', { timeout: 180_000 }, () => {
  const plans: [string, () => Plan][] = [
    ['a multilingual plan', multilingualPlan],
    [
      'a large plan (300 stakeholders)',
      () =>
        largePlan({ tocElements: 120, stakeholders: 300, catalogItems: 400, logicModelCopies: 1 }),
    ],
  ];
  for (const [what, make] of plans)
    it(`leave out what they must in ${what}, which the internal files do hold`, async () => {
      const p = make();
      const kept = [...keptEverywhere(p, 'docx'), ...keptEverywhere(p, 'xlsx')];
      const read = async (profile: Profile) => {
        const options = exportOptions({ profile, asOf: AS_OF });
        return [
          readDocx(await buildPlanDocx(p, options)),
          readXlsx(await buildPlanXlsx(p, options)),
        ];
      };
      const internal = await read('internal');
      for (const field of FIELDS) {
        if (field === 'personalData') continue;
        const sensitive = sensitiveValues(p, field);
        // Not vacuous: the full internal Word file holds the field's values.
        expect(found(internal[0]!, sensitive, kept).length, `internal ${field}`).toBeGreaterThan(0);
      }
      for (const profile of ['funder', 'partner'] as const)
        for (const file of await read(profile))
          for (const field of FIELDS) {
            if (shows(profile, field)) continue;
            expect(
              found(file, sensitiveValues(p, field), kept),
              `${what}, ${profile} ${file.name}: ${field}`,
            ).toEqual([]);
          }
    });
});
