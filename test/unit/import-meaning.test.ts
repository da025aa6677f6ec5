/**
 * Catalog import, the meaning of the values (issue 11): value suggestions,
 * saved mappings (presets), extra columns kept in the notes, re-import
 * matching by URL, and the CSV of rows that fail.
 */
import { describe, expect, it } from 'vitest';
import {
  failedRowsCsv,
  guessMapping,
  previewImport,
  splitList,
  type RawTable,
} from '../../shared/content/catalog-import';
import {
  BUILT_IN_PRESETS,
  applyPreset,
  matchingPreset,
  parsePresets,
  presetFromChoices,
  serialisePresets,
  withPreset,
  withoutPreset,
} from '../../shared/content/import-presets';
import {
  distinctValues,
  extraNotes,
  suggestKind,
  suggestLanguage,
  suggestLevel,
  urlKey,
} from '../../shared/content/import-values';
import { readCatalogFile } from '../../shared/content/import-file';
import { ContentItem } from '../../shared/plan/schema';

function table(headers: string[], rows: string[][]): RawTable {
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

describe('value suggestions', () => {
  it('suggests ours for the platforms’ words and leaves the ambiguous ones to the user', () => {
    expect(suggestKind('Specialization')).toBe('skillSet');
    expect(suggestKind('PROFESSIONAL CERTIFICATE')).toBe('professionalCertificate');
    expect(suggestKind('Webinar')).toBeNull();
    expect(suggestLevel('Beginner Level')).toBe('beginner');
    expect(suggestLevel('Expert')).toBe('advanced');
    expect(suggestLevel('Mixed')).toBeNull();
    expect(suggestLevel('All Levels')).toBeNull();
    expect(suggestLanguage('en-US')).toBe('English');
    expect(suggestLanguage('  Welsh ')).toBe('Welsh');
  });

  it('counts the distinct values of each column once, most rows first, languages split', () => {
    const rows = [
      ['A', 'Course', 'en; de'],
      ['B', 'course', 'EN'],
      ['C', 'Webinar', ''],
    ];
    const v = distinctValues(rows, { kind: 1, level: null, languages: 2 }, splitList);
    expect(v.kind).toEqual([
      { text: 'Course', key: 'course', rows: 2, suggested: 'course' },
      { text: 'Webinar', key: 'webinar', rows: 1, suggested: null },
    ]);
    expect(v.level).toEqual([]);
    // Rows with an empty cell are counted: the dialog asks what they are.
    expect(v.empty).toEqual({ kind: 0, level: 0, languages: 1 });
    expect(v.languages.map((l) => [l.text, l.rows, l.suggested])).toEqual([
      ['en', 2, 'English'],
      ['de', 1, 'German'],
    ]);
  });

  it('spells languages as chosen, and leaves out one chosen as ""', () => {
    const t = table(
      ['Title', 'Kind', 'Level', 'Language'],
      [['A', 'Course', 'Beginner', 'en; xx']],
    );
    const p = previewImport(t, guessMapping(t.headers), [], undefined, {
      values: { languages: { xx: '' } },
    });
    expect(p.ready[0]!.item.languages).toEqual(['English']);
  });

  it('an empty Kind cell waits for the choice for rows without one', () => {
    const t = table(['Title', 'Kind', 'Level'], [['A', '', 'Beginner']]);
    const mapping = guessMapping(t.headers);
    expect(previewImport(t, mapping).failed[0]!.issues[0]!.message).toBe(
      // Issue 11 (new-user finding 10): worded as waiting for the choice above.
      'Kind is empty: waiting for your choice of the kind of rows without one, above.',
    );
    expect(
      previewImport(t, mapping, [], undefined, { kindForAll: 'clip' }).ready[0]!.item.kind,
    ).toBe('clip');
  });
});

describe('extra columns kept in the notes', () => {
  it('keeps the chosen columns as "Heading: value" after the mapped notes', () => {
    const t = table(
      ['Title', 'Kind', 'Level', 'Notes', 'Enrolments', 'Rating', 'Other'],
      [
        ['A', 'Course', 'Beginner', 'Good', '5.3k', '4.7', 'x'],
        ['B', 'Course', 'Beginner', '', '', '4.1', 'y'],
      ],
    );
    const p = previewImport(t, guessMapping(t.headers), [], undefined, { keepInNotes: [4, 5] });
    expect(p.ready.map((r) => r.item.notes)).toEqual([
      'Good\nEnrolments: 5.3k; Rating: 4.7',
      'Rating: 4.1',
    ]);
    expect(extraNotes(['X'], ['  a  b '], [0])).toBe('X: a b');
  });
});

describe('re-import', () => {
  const existing = [
    ContentItem.parse({
      id: 'cat-1',
      title: 'SQL Basics',
      provider: 'Alderwick',
      url: 'https://www.x.org/sql/',
      hours: 10,
    }),
    ContentItem.parse({ id: 'cat-2', title: 'Python', provider: 'Alderwick', hours: 5 }),
  ];
  const headers = ['Title', 'Provider', 'Kind', 'Level', 'Hours', 'URL'];

  it('matches by URL first (even when the title changed), else by title, provider and kind; counts new, updated, unchanged', () => {
    const p = previewImport(
      table(headers, [
        ['SQL Basics (2nd edition)', 'Alderwick', 'Course', 'Beginner', '12', 'http://x.org/sql'],
        ['Python', 'Alderwick', 'Course', 'Beginner', '5', ''],
        ['Rust', 'Alderwick', 'Course', 'Beginner', '8', ''],
      ]),
      guessMapping(headers),
      existing,
    );
    expect(p.ready.map((r) => r.item.title)).toEqual(['Rust']);
    expect(p.updates).toEqual([
      {
        row: 2,
        id: 'cat-1',
        title: 'SQL Basics',
        patch: { title: 'SQL Basics (2nd edition)', hours: 12, url: 'http://x.org/sql' },
      },
    ]);
    expect(p.unchanged).toEqual([{ row: 3, id: 'cat-2' }]);
    expect(urlKey('HTTPS://www.X.org/sql/')).toBe('x.org/sql');
  });

  it('changes only the fields the file holds, and refuses a second row for the same item', () => {
    const t = table(
      ['Title', 'Provider'],
      [
        ['SQL Basics', 'Alderwick'],
        ['SQL Basics', 'Alderwick'],
      ],
    );
    const p = previewImport(t, guessMapping(t.headers), existing, undefined, {
      kindForAll: 'course',
      levelForAll: 'beginner',
    });
    // Hours and URL are not in the file: the item keeps its own.
    expect(p.unchanged).toEqual([{ row: 2, id: 'cat-1' }]);
    // Issue 11 (new-user finding 3): the same row twice needs nothing, and says so.
    expect(p.failed[0]!.issues[0]!.message).toBe(
      'Same as row 2 in every column imported: left out, nothing to fix.',
    );
  });
});

describe('rows that fail, as a CSV to fix', () => {
  it('has the file’s headings and cells and a Reason column, and reads back as the same columns', async () => {
    const t = table(
      ['Title', 'Kind', 'Level', 'Hours'],
      [
        ['Good', 'Course', 'Beginner', '3'],
        ['Bad, really', 'Webinar', 'Mixed', 'lots'],
      ],
    );
    const p = previewImport(t, guessMapping(t.headers));
    const csv = failedRowsCsv(t, p);
    const back = await readCatalogFile('failed.csv', new TextEncoder().encode(csv));
    if (!back.ok) throw new Error(back.message);
    expect(back.table.headers).toEqual(['Title', 'Kind', 'Level', 'Hours', 'Reason']);
    expect(back.table.rows).toHaveLength(1);
    expect(back.table.rows[0]!.slice(0, 4)).toEqual(['Bad, really', 'Webinar', 'Mixed', 'lots']);
    expect(back.table.rows[0]![4]).toMatch(
      /^Row 3: Kind “Webinar” .* Hours “lots” is not a number\.$/,
    );
    // The Reason column is not mapped on the way back in.
    expect(Object.values(guessMapping(back.table.headers))).not.toContain(4);
  });
});

describe('saved mappings (presets)', () => {
  const headers = ['Name', 'Org', 'Type', 'Difficulty', 'Enrolled', 'Rating'];
  const t = table(headers, [
    ['A', 'X', 'Specialization', 'Mixed', '5.3k', '4.7'],
    ['B', 'X', 'COURSE', 'Beginner', '1k', '4.1'],
  ]);

  it('saves columns by heading, every value as it was read, the kind/level choices and kept columns; applied to the next file it reads the same', () => {
    const mapping = { ...guessMapping(headers), provider: 1, kind: 2, level: 3 };
    const choices = { values: { level: { mixed: 'intermediate' as const } }, keepInNotes: [4] };
    const values = distinctValues(t.rows, { kind: 2, level: 3, languages: null }, splitList);
    const preset = presetFromChoices(' My export ', headers, mapping, choices, values);
    expect(preset).toMatchObject({
      name: 'My export',
      columns: { title: 'Name', provider: 'Org', kind: 'Type', level: 'Difficulty' },
      values: {
        kind: { specialization: 'skillSet', course: 'course' },
        level: { mixed: 'intermediate', beginner: 'beginner' },
      },
      keepInNotes: ['Enrolled'],
    });

    // Next month's file: columns in another order, headings in another case.
    const next = ['rating', 'ENROLLED', 'difficulty', 'type', 'org', 'name'];
    const applied = applyPreset(preset, next);
    expect(applied.missing).toEqual([]);
    expect(applied.mapping).toMatchObject({ title: 5, provider: 4, kind: 3, level: 2 });
    expect(applied.choices.keepInNotes).toEqual([1]);
    const p = previewImport(
      table(next, [['4.7', '5.3k', 'Mixed', 'Specialization', 'X', 'A']]),
      applied.mapping,
      [],
      undefined,
      applied.choices,
    );
    expect(p.ready[0]!.item).toMatchObject({
      title: 'A',
      kind: 'skillSet',
      level: 'intermediate',
      notes: 'ENROLLED: 5.3k',
    });
    expect(applyPreset(preset, ['Name']).missing).toEqual(['Org', 'Type', 'Difficulty']);
  });

  it('stores and reads back presets, dropping damaged entries; same name replaces', () => {
    const a = presetFromChoices(
      'A',
      ['Title'],
      guessMapping(['Title']),
      {},
      {
        kind: [],
        level: [],
        languages: [],
        empty: { kind: 0, level: 0, languages: 0 },
      },
    );
    const list = withPreset(withPreset([], a), { ...a, kindForAll: 'clip' });
    expect(list).toHaveLength(1);
    expect(parsePresets(serialisePresets(list))).toEqual(list);
    expect(parsePresets(JSON.stringify([list[0], { name: '' }]))).toEqual(list);
    expect(parsePresets('not json')).toEqual([]);
    expect(withoutPreset(list, 'A')).toEqual([]);
  });

  it('ships presets for Coursera, LinkedIn Learning, Udemy Business and edX, each saying where it came from; the Coursera one reads the public dataset’s headings', () => {
    expect(BUILT_IN_PRESETS.map((p) => p.name)).toEqual([
      'Coursera course list',
      'LinkedIn Learning content',
      'Udemy Business courses',
      'edX courses',
    ]);
    for (const p of BUILT_IN_PRESETS) expect(p.source).toBeTruthy();
    const coursera = [
      '',
      'course_title',
      'course_organization',
      'course_Certificate_type',
      'course_rating',
      'course_difficulty',
      'course_students_enrolled',
    ];
    const found = matchingPreset(BUILT_IN_PRESETS, coursera);
    expect(found?.name).toBe('Coursera course list');
    const applied = applyPreset(found!, coursera);
    const p = previewImport(
      table(coursera, [
        ['0', 'Data Analysis', 'Google', 'PROFESSIONAL CERTIFICATE', '4.8', 'Beginner', '5.3k'],
        ['1', 'Python', 'Michigan', 'SPECIALIZATION', '4.7', 'Mixed', '120k'],
      ]),
      applied.mapping,
      [],
      undefined,
      applied.choices,
    );
    expect(p.ready[0]!.item).toMatchObject({
      kind: 'professionalCertificate',
      level: 'beginner',
      provider: 'Google',
      notes: 'course_rating: 4.8; course_students_enrolled: 5.3k',
    });
    // "Mixed" stays the user's choice.
    expect(p.failed.map((f) => f.issues[0]!.field)).toEqual(['level']);
  });
});
