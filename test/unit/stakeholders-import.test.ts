/**
 * Stakeholder list import, the shared logic: guessing columns (never e-mail
 * or phone ones), reading values as meant (types, stances, "High", 1–5,
 * "75%"), checking rows with messages that name the row and the field,
 * matching existing entries by name + organisation, saved mappings, and the
 * one `stakeholders.import` command.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/command';
import { blankStakeholder, importStakeholders } from '../../shared/commands/stakeholders';
import { failedRowsCsv, type RawTable } from '../../shared/content/catalog-import';
import { readCatalogFile } from '../../shared/content/import-file';
import { createBlankPlan } from '../../shared/plan/create';
import type { Stakeholder } from '../../shared/plan/schema';
import {
  detectScale,
  guessStakeholderMapping,
  isPersonalContactHeading,
  previewStakeholderImport,
  scaleScore,
  scoreOf,
  stakeholderDistinctValues,
  stakeholderKey,
  suggestCategory,
  suggestStance,
  type StakeholderColumnMapping,
} from '../../shared/stakeholders/import';
import {
  applyStakeholderPreset,
  parseStakeholderPresets,
  stakeholderPresetFromChoices,
} from '../../shared/stakeholders/import-presets';

function table(headers: string[], rows: string[][]): RawTable {
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

const HEADERS = ['Name', 'Organisation', 'Category', 'Influence', 'Interest', 'Attitude'];

function entry(patch: Partial<Stakeholder>): Stakeholder {
  return { ...blankStakeholder('x', { power: 50, interest: 50 }), ...patch };
}

describe('stakeholder import: columns', () => {
  it('guesses register fields from common headings, and never an e-mail or phone column', () => {
    const headers = [
      'Stakeholder name',
      'Organization',
      'Job title',
      'Type',
      'Influence',
      'Interest level',
      'Current stance',
      'Email',
      'Phone number',
      'Relationship owner',
      'Comments',
    ];
    expect(guessStakeholderMapping(headers)).toEqual({
      name: 0,
      organisation: 1,
      role: 2,
      type: 3,
      power: 4,
      interest: 5,
      stance: 6,
      owner: 9,
      contact: null,
      notes: 10,
    });
    // "Contact e-mail" is an e-mail column, not the Contact field.
    expect(guessStakeholderMapping(['Name', 'Contact e-mail']).contact).toBeNull();
    expect(guessStakeholderMapping(['Name', 'Contact person']).contact).toBe(1);
    for (const h of ['Email', 'E-mail address', 'Mobile', 'Tel.', 'Telephone', 'Contact e-mail'])
      expect(isPersonalContactHeading(h), h).toBe(true);
    for (const h of ['Name', 'Organisation', 'Contact person', 'Emailing list owner?'])
      expect(isPersonalContactHeading(h), h).toBe(false);
  });
});

describe('stakeholder import: values', () => {
  it('suggests our types and stances for common words, and none for words it does not know', () => {
    expect(suggestCategory('Funder')).toBe('stakeholder');
    expect(suggestCategory('Outreach partner')).toBe('outreach');
    expect(suggestCategory('Program & technology partner')).toBe('programTechnology');
    expect(suggestCategory('Wraparound services')).toBe('wraparound');
    expect(suggestCategory('Alumni')).toBeNull();
    expect(suggestStance('Champion')).toBe('leading');
    expect(suggestStance('Opposed')).toBe('resistant');
    expect(suggestStance('Lukewarm')).toBeNull();
  });

  it('reads scores as a person means them: words, 1–5, 1–10, 0–1, percentages', () => {
    expect(detectScale([1, 2, 5, 4])).toBe('1-5');
    expect(detectScale([1, 7, 10])).toBe('1-10');
    expect(detectScale([0.25, 0.8])).toBe('0-1');
    expect(detectScale([15, 80, 100])).toBe('0-100');
    expect(scaleScore(4, '1-5')).toBe(75);
    expect(scaleScore(2, '1-3')).toBe(50);
    expect(scaleScore(10, '1-10')).toBe(100);
    expect(scaleScore(6, '1-5')).toBeNull();
    expect(scoreOf('power', '75%', '1-5', {})).toBe(75);
    expect(scoreOf('power', '4', '1-5', {})).toBe(75);
    expect(scoreOf('power', '0,8', '0-1', {})).toBe(80);
    expect(scoreOf('interest', 'High', '0-100', {})).toBe(75);
    expect(scoreOf('interest', 'Very low', '0-100', {})).toBe(10);
    expect(scoreOf('interest', 'Huge', '0-100', { values: { interest: { huge: 95 } } })).toBe(95);
    expect(scoreOf('power', 'abc', '0-100', {})).toEqual({
      problem:
        'Power “abc” is not a number, a percentage or a word matched to a score; choose its score above.',
    });
    expect(scoreOf('power', '140%', '0-100', {})).toEqual({
      problem: 'Power “140%” is not a percentage from 0% to 100%.',
    });
  });

  it('lists the distinct words of the value columns, and the scale the numbers look like', () => {
    const t = table(HEADERS, [
      ['A', 'X', 'Funder', '4', 'High', 'Champion'],
      ['B', 'X', 'Funder', '2', 'Low', 'Lukewarm'],
      ['C', 'X', 'Alumni', 'High', 'Medium', ''],
    ]);
    const values = stakeholderDistinctValues(t.rows, guessStakeholderMapping(HEADERS));
    expect(values.type.map((v) => [v.text, v.rows, v.suggested])).toEqual([
      ['Funder', 2, 'stakeholder'],
      ['Alumni', 1, null],
    ]);
    expect(values.stance.map((v) => [v.text, v.suggested])).toEqual([
      ['Champion', 'leading'],
      ['Lukewarm', null],
    ]);
    expect(values.power.map((v) => [v.text, v.suggested])).toEqual([['High', '75']]);
    expect(values.numbers.power).toEqual({ count: 2, detected: '1-5' });
    expect(values.numbers.interest).toBeNull();
    expect(values.empty.stance).toBe(1);
  });
});

describe('stakeholder import: rows', () => {
  const mapping = guessStakeholderMapping(HEADERS);

  it('checks every row, naming the row and the field: empty name, a score “abc”, an unknown type, one score without the other, a duplicate', () => {
    const t = table(HEADERS, [
      ['Skills Fund', 'Ministry of Labour', 'Funder', 'High', 'Medium', 'Supportive'],
      ['', 'City College', 'Training provider', '3', '4', ''],
      ['Chamber', 'Chamber of Commerce', 'Industry', 'abc', 'High', ''],
      ['Youth Club', '', 'Alumni', 'Low', 'Low', ''],
      ['Jobs Office', '', 'Government', 'High', '', ''],
      ['skills  FUND', ' ministry of labour ', 'Funder', 'Low', 'Low', ''],
      ['', '', '', '', '', ''],
    ]);
    const p = previewStakeholderImport(t, mapping);
    expect(p.mappingErrors).toEqual([]);
    expect(p.ready.map((r) => r.row)).toEqual([2]);
    expect(p.blankRows).toBe(1);
    expect(p.failed).toEqual([
      { row: 3, issues: [{ row: 3, field: 'name', message: 'Name is empty.' }] },
      {
        row: 4,
        issues: [
          {
            row: 4,
            field: 'power',
            message:
              'Power “abc” is not a number, a percentage or a word matched to a score; choose its score above.',
          },
        ],
      },
      {
        row: 5,
        issues: [
          {
            row: 5,
            field: 'type',
            message:
              'Type “Alumni” is not one of: stakeholder, program & technology partner, outreach partner, wraparound partner, other partner.',
          },
        ],
      },
      {
        row: 6,
        issues: [
          {
            row: 6,
            field: 'interest',
            message:
              'Interest is empty; give both power and interest, or neither (the entry then waits in the Unplaced tray).',
          },
        ],
      },
      {
        row: 7,
        issues: [
          { row: 7, field: null, message: 'Duplicate of row 2 (same name and organisation).' },
        ],
      },
    ]);
    expect(p.ready[0]!.entry).toMatchObject({
      name: 'Skills Fund',
      organisation: 'Ministry of Labour',
      relation: 'stakeholder',
      partnerType: null,
      power: 75,
      interest: 50,
      currentStance: 'supportive',
    });
    expect(p.ready[0]!.entry.placed).toBeUndefined();

    // The CSV of failed rows says why, row by row.
    const csv = failedRowsCsv(t, p);
    expect(csv).toContain(',Training provider,3,4,,Row 3: Name is empty.');
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${HEADERS.join(',')},Reason`);
  });

  it('waits for the user: no Type column needs the type of every row; an unknown word is matched by choice', () => {
    const headers = ['Name', 'Power', 'Interest'];
    const t = table(headers, [['A', 'Huge', '20%']]);
    const m = guessStakeholderMapping(headers);
    expect(previewStakeholderImport(t, m).mappingErrors).toEqual([
      'Choose the column that holds the Type, or the type of every row.',
    ]);
    const withType = previewStakeholderImport(t, m, [], { typeForAll: 'outreach' });
    expect(withType.failed[0]!.issues[0]!.field).toBe('power');
    const chosen = previewStakeholderImport(t, m, [], {
      typeForAll: 'outreach',
      values: { power: { huge: 95 } },
    });
    expect(chosen.ready[0]!.entry).toMatchObject({
      relation: 'partner',
      partnerType: 'outreach',
      power: 95,
      interest: 20,
    });
    expect(chosen.noStance).toBe(1);
  });

  it('adds rows without scores to the Unplaced tray, and reads the numbers by the scale chosen', () => {
    const t = table(HEADERS, [
      ['A', '', 'Funder', '', '', ''],
      ['B', '', 'Funder', '1', '3', ''],
    ]);
    const p = previewStakeholderImport(t, mapping);
    expect(p.unplaced).toBe(1);
    expect(p.ready[0]!.entry.placed).toBe(false);
    expect(p.ready[1]!.entry).toMatchObject({ power: 0, interest: 50 });
    const asPercent = previewStakeholderImport(t, mapping, [], {
      scales: { power: '0-100', interest: '0-100' },
    });
    expect(asPercent.ready[1]!.entry).toMatchObject({ power: 1, interest: 3 });
  });

  it('matches existing entries by name and organisation (case and spaces ignored): changed fields update, the rest are unchanged', () => {
    const existing = [
      entry({
        id: 'sh-1',
        name: 'Skills Fund',
        organisation: 'Ministry of Labour',
        power: 75,
        interest: 50,
        currentStance: 'neutral',
      }),
      entry({
        id: 'sh-2',
        name: 'City College',
        organisation: '',
        relation: 'partner',
        partnerType: 'programTechnology',
        power: 50,
        interest: 75,
      }),
      entry({ id: 'sh-3', name: 'Youth Club', organisation: '', placed: false }),
      entry({ id: 'sh-4', name: 'Skills Fund', organisation: 'Another ministry' }),
    ];
    const t = table(HEADERS, [
      ['  skills fund', 'MINISTRY  of labour', 'Funder', 'High', 'High', 'Champion'],
      ['City College', '', 'Training provider', '3', '4', ''],
      ['Youth club', '', 'Outreach', 'Low', 'High', ''],
      ['New Employer', '', 'Employer', '4', '4', ''],
    ]);
    const p = previewStakeholderImport(t, mapping, existing);
    expect(p.ready.map((r) => r.entry.name)).toEqual(['New Employer']);
    expect(p.unchanged).toEqual([{ row: 3, id: 'sh-2' }]);
    expect(p.updates).toEqual([
      {
        row: 2,
        id: 'sh-1',
        title: 'Skills Fund',
        patch: { currentStance: 'leading', position: { power: 75, interest: 75 } },
        fields: ['Stance', 'Interest'],
        changes: ['Stance: Neutral → Leading', 'Interest: 50 → 75'],
      },
      {
        row: 4,
        id: 'sh-3',
        title: 'Youth Club',
        patch: {
          relation: 'partner',
          partnerType: 'outreach',
          position: { power: 25, interest: 75 },
        },
        fields: ['Type', 'Position (placed on the matrix)'],
        changes: [
          'Type: Stakeholder → Outreach partner',
          'Placed on the matrix: power 25, interest 75',
        ],
      },
    ]);
    expect(stakeholderKey(' A  b ', 'C')).toBe(stakeholderKey('a B', ' c'));
  });

  it('without an Organisation column, matches by name alone, and refuses to guess between entries of the same name', () => {
    const existing = [
      entry({ id: 'sh-1', name: 'Skills Fund', organisation: 'Ministry of Labour' }),
      entry({ id: 'sh-2', name: 'Youth Club', organisation: 'North' }),
      entry({ id: 'sh-3', name: 'Youth Club', organisation: 'South' }),
    ];
    const headers = ['Name', 'Type', 'Owner'];
    const t = table(headers, [
      ['skills fund', 'Funder', 'Ana'],
      ['Youth Club', 'Outreach', 'Ben'],
    ]);
    const p = previewStakeholderImport(t, guessStakeholderMapping(headers), existing);
    expect(p.updates.map((u) => [u.id, u.patch])).toEqual([['sh-1', { owner: 'Ana' }]]);
    expect(p.failed).toEqual([
      {
        row: 3,
        issues: [
          {
            row: 3,
            field: 'name',
            message:
              '2 entries in the register are named “Youth Club”; map the Organisation column to tell them apart.',
          },
        ],
      },
    ]);
  });

  it('counts characters as the plan schema does (an emoji is one)', () => {
    const headers = ['Name', 'Type'];
    const name = '🎓'.repeat(500);
    const p = previewStakeholderImport(
      table(headers, [
        [name, 'Funder'],
        [`${name}x`, 'Funder'],
      ]),
      guessStakeholderMapping(headers),
    );
    expect(p.ready.map((r) => r.row)).toEqual([2]);
    expect(p.failed[0]!.issues[0]!.message).toBe('Name is 501 characters; at most 500.');
  });

  it('keeps ticked extra columns in the notes, but never an e-mail or phone column', () => {
    const headers = ['Name', 'Type', 'Email', 'Sector'];
    const t = table(headers, [['A', 'Funder', 'a@example.org', 'Health']]);
    const p = previewStakeholderImport(t, guessStakeholderMapping(headers), [], {
      keepInNotes: [2, 3],
    });
    expect(p.ready[0]!.entry.notes).toBe('Sector: Health');
    expect(JSON.stringify(p.ready[0]!.entry)).not.toContain('a@example.org');
  });

  it('reads a CSV with a note row above the headings and a High/Medium/Low column', async () => {
    const csv =
      'Stakeholder list for the workshop (draft),,,\n' +
      'Name,Organisation,Type,Power,Interest\n' +
      'Skills Fund,Ministry of Labour,Funder,High,Medium\n' +
      'City College,,Training provider,Medium,High\n';
    const read = await readCatalogFile('list.csv', new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.message);
    const m = guessStakeholderMapping(read.table.headers);
    const p = previewStakeholderImport(read.table, m);
    expect(p.failed).toEqual([]);
    expect(p.ready.map((r) => [r.row, r.entry.name, r.entry.power, r.entry.interest])).toEqual([
      [3, 'Skills Fund', 75, 50],
      [4, 'City College', 50, 75],
    ]);
  });
});

describe('stakeholder import: saved mappings', () => {
  it('saves columns by heading with the value choices and scales, and reads the next file the same way', () => {
    const headers = ['Name', 'Org', 'Group', 'Clout', 'Interest', 'Region'];
    const t = table(headers, [['A', 'X', 'Alumni', '4', 'Huge', 'North']]);
    const mapping: StakeholderColumnMapping = {
      ...guessStakeholderMapping(headers),
      organisation: 1,
      power: 3,
    };
    const choices = {
      values: { type: { alumni: 'outreach' as const }, interest: { huge: 95 } },
      keepInNotes: [5],
    };
    const values = stakeholderDistinctValues(t.rows, mapping);
    const preset = stakeholderPresetFromChoices(
      ' Workshop list ',
      headers,
      mapping,
      choices,
      values,
    );
    expect(preset).toMatchObject({
      target: 'stakeholders',
      name: 'Workshop list',
      columns: {
        name: 'Name',
        organisation: 'Org',
        type: 'Group',
        power: 'Clout',
        interest: 'Interest',
      },
      values: { type: { alumni: 'outreach' }, interest: { huge: 95 } },
      scales: { power: '1-5' },
      keepInNotes: ['Region'],
    });
    expect(
      parseStakeholderPresets([preset, { name: 'catalog one' }, { target: 'stakeholders' }]),
    ).toEqual([preset]);
    const next = ['region', 'CLOUT', 'group', 'org', 'name', 'interest'];
    const applied = applyStakeholderPreset(preset, next);
    expect(applied.missing).toEqual([]);
    const p = previewStakeholderImport(
      table(next, [['South', '5', 'Alumni', 'Y', 'B', 'Huge']]),
      applied.mapping,
      [],
      applied.choices,
    );
    expect(p.ready[0]!.entry).toMatchObject({
      name: 'B',
      organisation: 'Y',
      partnerType: 'outreach',
      power: 100,
      interest: 95,
      notes: 'region: South',
    });
  });
});

describe('stakeholders.import command', () => {
  it('adds and updates in one step named for what it did, records a quadrant change in the history, and refuses a gone entry', () => {
    const plan = createBlankPlan('Import');
    const placed = { ...blankStakeholder('Skills Fund', { power: 20, interest: 20 }, 'sh-1') };
    const waiting = blankStakeholder('Youth Club', undefined, 'sh-2');
    const start = { ...plan, stakeholders: { ...plan.stakeholders, entries: [placed, waiting] } };
    const added = blankStakeholder('New Employer', { power: 80, interest: 80 }, 'sh-3');
    const at = '2026-11-30T10:00:00.000Z';
    const outcome = runCommand(
      start,
      importStakeholders({
        entries: [added],
        updates: [
          {
            id: 'sh-1',
            patch: { currentStance: 'leading', position: { power: 80, interest: 80 } },
          },
          { id: 'sh-2', patch: { position: { power: 10, interest: 90 } } },
        ],
        at,
      }),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.label).toBe('Import 1 new and update 2 stakeholders from a stakeholder list');
    const [a, b, c] = outcome.plan.stakeholders.entries;
    expect(a).toMatchObject({ currentStance: 'leading', power: 80, interest: 80 });
    expect(a!.history).toEqual([
      { at, power: 20, interest: 20 },
      { at, power: 80, interest: 80 },
    ]);
    expect(b).toMatchObject({ power: 10, interest: 90, history: [] });
    expect(b!.placed).toBeUndefined();
    expect(c).toEqual(added);

    expect(runCommand(start, importStakeholders({ entries: [added], at }))).toMatchObject({
      ok: true,
      label: 'Import 1 stakeholder from a stakeholder list',
    });
    expect(
      runCommand(
        start,
        importStakeholders({ entries: [], updates: [{ id: 'sh-1', patch: { owner: 'Ana' } }], at }),
      ),
    ).toMatchObject({ ok: true, label: 'Update 1 stakeholder from a stakeholder list' });
    expect(
      runCommand(
        start,
        importStakeholders({ entries: [], updates: [{ id: 'gone', patch: {} }], at }),
      ),
    ).toEqual({
      ok: false,
      reason:
        'A stakeholder the list updates is no longer in the register, so nothing was imported. Check the file again.',
    });
    expect(
      runCommand(start, importStakeholders({ entries: [{ ...added, id: 'sh-1' }], at })),
    ).toMatchObject({ ok: false });
  });
});
