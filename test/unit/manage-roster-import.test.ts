/**
 * Issue 14: reading a learner activity export — the mapping guessed from
 * common headings, every kind of bad row listed with its reason and left
 * out, per learner × course rows put together per learner, segment values
 * matched to the plan's, and the merge of a newer export into the stored
 * roster with its dated snapshot.
 */
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../shared/content/catalog-import';
import { decodeCourseRows, decodeLearners, encodeLearners } from '../../shared/manage/roster';
import {
  dateOrderOf,
  guessRosterMapping,
  mergeImport,
  parseExportDate,
  parseJobOutcome,
  previewRosterImport,
  skillName,
  type RosterPlanOptions,
} from '../../shared/manage/roster-import';

const table = (headers: string[], rows: string[][]): RawTable => ({
  headers,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

const plan: RosterPlanOptions = {
  segments: [
    { id: 'seg-youth', name: 'Young people not in work' },
    { id: 'seg-women', name: 'Women returners' },
  ],
  cohorts: [{ id: 'c1', name: 'Spring 2026' }],
  pathways: [{ id: 'p1', name: 'Data analyst', items: ['i1', 'i2'] }],
  catalog: [
    { id: 'i1', name: 'Spreadsheets basics' },
    { id: 'i2', name: 'SQL for beginners' },
  ],
};

describe('reading values', () => {
  it('reads the date shapes exports use, and refuses what is not a date', () => {
    expect(parseExportDate('2026-03-05')).toBe('2026-03-05');
    expect(parseExportDate('2026-03-05T10:11:12Z')).toBe('2026-03-05');
    expect(parseExportDate('05/03/2026')).toBe('2026-03-05');
    expect(parseExportDate('03/05/2026', 'mdy')).toBe('2026-03-05');
    expect(parseExportDate('Thursday, 5 March 2026, 10:15 AM')).toBe('2026-03-05');
    expect(parseExportDate('March 5, 2026')).toBe('2026-03-05');
    expect(parseExportDate('46086')).toBe('2026-03-05');
    expect(parseExportDate('Never')).toBeNull();
    expect(parseExportDate('-')).toBeNull();
    expect(parseExportDate('31/02/2026')).toBe('invalid');
    expect(parseExportDate('soon')).toBe('invalid');
    expect(dateOrderOf(['03/04/2026', '13/04/2026'])).toBe('dmy');
    expect(dateOrderOf(['03/04/2026', '04/13/2026'])).toBe('mdy');
    expect(dateOrderOf(['03/04/2026'])).toBeNull();
  });

  it('reads job outcomes and skill headings', () => {
    expect(parseJobOutcome('Hired')).toBe('placed');
    expect(parseJobOutcome('Self-employed')).toBe('selfEmployed');
    expect(parseJobOutcome('')).toBe('none');
    expect(parseJobOutcome('astronaut')).toBeNull();
    expect(skillName('Skill: Excel')).toBe('Excel');
    expect(skillName('SQL score')).toBe('SQL');
    expect(skillName('Final score')).toBeNull();
    expect(skillName('Email')).toBeNull();
  });

  it('guesses the columns of common export headings', () => {
    const m = guessRosterMapping([
      'Email address',
      'First name',
      'Surname',
      'Groups',
      'Last access to course',
      'Learning hours',
      'Courses completed',
    ]);
    expect(m).toMatchObject({
      email: 0,
      firstName: 1,
      lastName: 2,
      cohort: 3,
      lastActivity: 4,
      hours: 5,
      coursesCompleted: 6,
      fullName: null,
    });
  });

  it('guesses German, French and Spanish headings as LMS exports write them', () => {
    expect(
      guessRosterMapping([
        'Benutzer-ID',
        'E-Mail-Adresse',
        'Vorname',
        'Nachname',
        'Kohorte',
        'Eingeschrieben am',
        'Letzte Aktivität',
        'Lernstunden',
        'Kurse abgeschlossen',
      ]),
    ).toMatchObject({
      learnerId: 0,
      email: 1,
      firstName: 2,
      lastName: 3,
      cohort: 4,
      enrolled: 5,
      lastActivity: 6,
      hours: 7,
      coursesCompleted: 8,
    });
    expect(
      guessRosterMapping(['Courriel', 'Prénom', 'Dernier accès', 'Heures', 'Cohorte']),
    ).toMatchObject({ email: 0, firstName: 1, lastActivity: 2, hours: 3, cohort: 4 });
    expect(
      guessRosterMapping(['Correo electrónico', 'Apellidos', 'Último acceso', 'Horas', 'Grupo']),
    ).toMatchObject({ email: 0, lastName: 1, lastActivity: 2, hours: 3, cohort: 4 });
  });
});

describe('checking an export', () => {
  const headers = [
    'Learner ID',
    'Email',
    'Name',
    'Segment',
    'Cohort',
    'Enrolled',
    'Learning hours',
    'Last activity',
    'Courses enrolled',
    'Courses completed',
    'Job outcome',
    'Skill: SQL',
  ];
  const rows = [
    [
      'A1',
      'ada@example.org',
      'Ada L',
      'Young people',
      'Spring 2026',
      '2026-01-10',
      '12.5',
      '2026-03-01',
      '3',
      '1',
      '',
      '80',
    ],
    ['', 'not-an-email', 'Bad Mail', '', '', '', '', '', '', '', '', ''],
    ['A3', '', 'Bad Date', '', '', 'yesterday-ish', '', '', '', '', '', ''],
    ['A4', '', 'Negative', '', '', '', '-3', '', '', '', '', ''],
    ['A5', '', 'Too many', '', '', '', '', '', '2', '5', '', ''],
    ['A6', '', 'Future', '', '', '2026-05-01', '', '', '', '', '', ''],
    ['A7', '', 'Odd outcome', '', '', '', '', '', '', '', 'astronaut', ''],
    ['A8', '', 'Bad score', '', '', '', '', '', '', '', '', '140'],
    ['', '', 'Nobody', '', '', '', '', '', '', '', '', ''],
    ['A1', 'ada@example.org', 'Ada again', '', '', '', '', '', '', '', '', ''],
    ['A9', 'bo@example.org', 'Bo', 'Retirees', '', '', '1:30', '', '', '', 'Hired', ''],
    ['', '', '', '', '', '', '', '', '', '', '', ''],
  ];
  const t = table(headers, rows);
  const preview = previewRosterImport(t, guessRosterMapping(headers), plan, { date: '2026-03-31' });

  it('lists each bad row with its reason and leaves it out', () => {
    const reasons = Object.fromEntries(
      preview.failed.map((f) => [f.row, f.issues.map((i) => i.message).join(' ')]),
    );
    expect(reasons[3]).toMatch(/“not-an-email” is not a valid e-mail address/);
    expect(reasons[4]).toMatch(/“yesterday-ish” in Enrolled on is not a date/);
    expect(reasons[5]).toMatch(/Learning hours cannot be negative/);
    expect(reasons[6]).toMatch(/Courses completed \(5\) is more than courses enrolled \(2\)/);
    expect(reasons[7]).toMatch(/after the export’s date/);
    // An unknown job outcome no longer rejects the row (the learner is imported with none and a warning).
    expect(reasons[8]).toBeUndefined();
    expect(reasons[9]).toMatch(/not a score from 0 to 100/);
    expect(reasons[10]).toMatch(/No learner id or e-mail/);
    expect(reasons[11]).toMatch(/Same learner as row 2/);
    expect(preview.duplicates).toBe(1);
    expect(preview.blankRows).toBe(1);
    expect(preview.learners.map((l) => l.key)).toEqual(['id:A1', 'id:A7', 'id:A9']);
    expect(preview.warnings).toEqual([
      expect.objectContaining({
        row: 8,
        field: 'jobOutcome',
        message: expect.stringMatching(
          /“astronaut” is not a job outcome the import knows.*imported with none/,
        ),
      }),
    ]);
    expect(preview.learners[1]).toMatchObject({ name: 'Odd outcome', jobOutcome: 'none' });
  });

  it('builds learners with matched segments and cohorts, scores and outcomes', () => {
    const [ada, , bo] = preview.learners;
    expect(ada).toMatchObject({
      name: 'Ada L',
      segmentId: 'seg-youth',
      cohortId: 'c1',
      hours: 12.5,
      coursesEnrolled: 3,
      coursesCompleted: 1,
      skillScores: { SQL: 80 },
      firstSeen: '2026-03-31',
      updated: '2026-03-31',
    });
    expect(bo).toMatchObject({ segmentId: null, hours: 1.5, jobOutcome: 'placed' });
    expect(preview.unmatchedSegments).toEqual(['Retirees']);
    expect(preview.fields).toEqual(
      expect.arrayContaining(['learnerId', 'email', 'name', 'segmentId', 'hours', 'skillScores']),
    );
    expect(preview.fields).not.toContain('pathwayId');
  });

  it('says when no progress column is mapped', () => {
    const t = table(['Email', 'Name'], [['ada@example.org', 'Ada L']]);
    const preview = previewRosterImport(t, guessRosterMapping(t.headers), plan, {
      date: '2026-03-31',
    });
    expect(preview.notes.join(' ')).toMatch(/imported with no progress/);
    const withHours = table(['Email', 'Hours'], [['ada@example.org', '3']]);
    expect(
      previewRosterImport(withHours, guessRosterMapping(withHours.headers), plan, {
        date: '2026-03-31',
      }).notes.join(' '),
    ).not.toMatch(/no progress/);
  });

  it('leaves learners enrolled long before their cohort starts or after it ends out of it, unless put in anyway', () => {
    const dated: RosterPlanOptions = {
      ...plan,
      cohorts: [{ id: 'c1', name: 'Cohort 1 (2027)', start: '2027-04-12', end: '2027-12-31' }],
    };
    const t = table(
      ['Email', 'Cohort', 'Enrolled'],
      [
        ['a@example.org', 'Cohort 1 (2027)', '2026-09-01'],
        ['b@example.org', 'Cohort 1 (2027)', '2026-09-15'],
        ['c@example.org', 'Cohort 1 (2027)', '2027-03-20'],
        ['d@example.org', 'Cohort 1 (2027)', '2027-05-02'],
      ],
    );
    const preview = previewRosterImport(t, guessRosterMapping(t.headers), dated, {
      date: '2027-06-01',
    });
    // Two enrolled in 2026; 20 March 2027 is within a month of the start, so it counts.
    expect(preview.notes.join(' ')).toContain(
      '2 learners matched to the cohort “Cohort 1 (2027)” (which starts 12 April 2027 and ends 31 December 2027) enrolled long before it starts or after it ends, so are imported without a cohort',
    );
    // Not silently assigned: the two 2026 learners have no cohort.
    expect(preview.learners.map((l) => l.cohortId)).toEqual([null, null, 'c1', 'c1']);
    expect(preview.byCohort).toEqual({ '': 2, c1: 2 });
    expect(preview.cohortOutsideDates).toEqual([
      {
        cohortId: 'c1',
        name: 'Cohort 1 (2027)',
        count: 2,
        span: 'starts 12 April 2027 and ends 31 December 2027',
        start: '2027-04-12',
        end: '2027-12-31',
      },
    ]);
    // Put in anyway, when the user says so.
    const anyway = previewRosterImport(t, guessRosterMapping(t.headers), dated, {
      date: '2027-06-01',
      cohortOutsideDates: true,
    });
    expect(anyway.learners.map((l) => l.cohortId)).toEqual(['c1', 'c1', 'c1', 'c1']);
    expect(anyway.notes.join(' ')).toContain('they are put in it anyway, as you chose');
  });

  it('asks for an id or e-mail column and the export date', () => {
    const m = { ...guessRosterMapping(headers), learnerId: null, email: null };
    expect(previewRosterImport(t, m, plan, { date: '2026-03-31' }).mappingErrors).toEqual([
      'Choose the column with the learner id or the e-mail address.',
    ]);
    expect(
      previewRosterImport(t, guessRosterMapping(headers), plan, { date: 'x' }).mappingErrors,
    ).toEqual(['Choose the date the export describes.']);
  });
});

describe('a learner × course export', () => {
  const headers = [
    'Email',
    'Name',
    'Course',
    'Completion status',
    'Date completed',
    'Hours',
    'Pathway',
  ];
  const rows = [
    [
      'kim@example.org',
      'Kim',
      'Spreadsheets basics',
      'Completed',
      '2026-02-01',
      '4',
      'Data analyst',
    ],
    ['kim@example.org', 'Kim', 'SQL for beginners', 'Completed', '2026-03-10', '6', 'Data analyst'],
    ['lee@example.org', 'Lee', 'SQL for beginners', 'In progress', '', '2', 'Data analyst'],
    ['lee@example.org', 'Lee', 'SQL for beginners', 'In progress', '', '2', 'Data analyst'],
    ['lee@example.org', 'Lee', 'Unknown course', 'Not started', '', '0', ''],
  ];
  const preview = previewRosterImport(table(headers, rows), guessRosterMapping(headers), plan, {
    date: '2026-03-31',
  });

  it('puts a learner’s course rows together and completes a pathway when all its courses are', () => {
    expect(preview.perCourse).toBe(true);
    const [kim, lee] = preview.learners;
    expect(kim).toMatchObject({
      coursesEnrolled: 2,
      coursesCompleted: 2,
      hours: 10,
      pathwayId: 'p1',
      completed: '2026-03-10',
    });
    expect(lee).toMatchObject({
      coursesEnrolled: 2,
      coursesCompleted: 0,
      completed: null,
      hours: 2,
    });
    expect(preview.courseRows.map((r) => [r.course, r.itemId, r.status])).toEqual([
      ['Spreadsheets basics', 'i1', 'completed'],
      ['SQL for beginners', 'i2', 'completed'],
      ['SQL for beginners', 'i2', 'inProgress'],
      ['Unknown course', null, 'enrolled'],
    ]);
    expect(preview.failed.map((f) => f.issues[0]!.message)).toEqual([
      'Same learner and course as an earlier row: left out.',
    ]);
  });

  it('merges into the stored roster and records the snapshot of the whole roster', () => {
    const stored = {
      learners: [
        encodeLearners([
          {
            ...preview.learners[0]!,
            hours: 1,
            topLearner: true,
            firstSeen: '2026-01-31',
            updated: '2026-01-31',
          },
          {
            ...preview.learners[0]!,
            key: 'email:old@example.org',
            email: 'old@example.org',
            name: 'Old',
            firstSeen: '2026-01-31',
            updated: '2026-01-31',
          },
        ]),
      ],
      courseRows: [],
    };
    const result = mergeImport(stored, preview, '2026-03-31', '2026-04-01T08:00:00.000Z');
    expect(result).toMatchObject({ total: 3, added: 1, matched: 1, courseRows: 4 });
    const learners = result.learnerChunks.flatMap((c) => decodeLearners(c.text));
    expect(learners.map((l) => [l.email, l.hours, l.topLearner, l.firstSeen])).toEqual([
      ['kim@example.org', 10, true, '2026-01-31'],
      ['old@example.org', 10, false, '2026-01-31'],
      ['lee@example.org', 2, false, '2026-03-31'],
    ]);
    expect(result.courseChunks.flatMap((c) => decodeCourseRows(c.text))).toHaveLength(4);
    expect(result.snapshot).toMatchObject({ date: '2026-03-31', total: { learners: 3 } });
    expect(JSON.stringify(result.snapshot)).not.toContain('@');
  });
});
