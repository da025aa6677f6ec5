/**
 * A new user's roster import: a "Courses completed" column completes a
 * learner who finished every course they enrolled in (no completion-date
 * column needed), placed in the counts is a subset of completed (the funnel
 * adds up), and job outcomes in common wordings are read — an unknown one
 * keeps the learner, with outcome none and a warning counted in the preview.
 */
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../shared/content/catalog-import';
import { countsOf, snapshotOf, type RosterLearner } from '../../shared/manage/roster';
import {
  guessRosterMapping,
  mergeImport,
  parseJobOutcome,
  previewRosterImport,
  type RosterPlanOptions,
} from '../../shared/manage/roster-import';
import { encodeLearners } from '../../shared/manage/roster';

const table = (headers: string[], rows: string[][]): RawTable => ({
  headers,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

const plan: RosterPlanOptions = {
  segments: [],
  cohorts: [{ id: 'c1', name: 'Spring 2026' }],
  pathways: [],
  catalog: [],
};

describe('completion from the course counts', () => {
  const headers = [
    'Learner ID',
    'Name',
    'Cohort',
    'Enrolled',
    'Last activity',
    'Courses enrolled',
    'Courses completed',
    'Job outcome',
  ];
  const rows = [
    ['L1', 'All done', 'Spring 2026', '2026-01-10', '2026-03-20', '1', '1', 'Employed'],
    ['L2', 'Halfway', 'Spring 2026', '2026-01-10', '2026-03-25', '2', '1', 'In work'],
    ['L3', 'Done, no activity date', 'Spring 2026', '2026-01-10', '', '3', '3', ''],
    ['L4', 'Nothing enrolled', 'Spring 2026', '', '', '0', '0', ''],
  ];
  const preview = previewRosterImport(table(headers, rows), guessRosterMapping(headers), plan, {
    date: '2026-03-31',
  });

  it('completes a learner whose enrolled courses are all completed, dated by last activity, else the export date', () => {
    expect(preview.failed).toEqual([]);
    expect(preview.learners.map((l) => l.completed)).toEqual([
      '2026-03-20',
      null,
      '2026-03-31',
      null,
    ]);
    expect(preview.fields).toContain('completed');
  });

  it('counts them completed in the total and the cohort, and placed only among completers', () => {
    const snap = snapshotOf(preview.learners, '2026-03-31', '2026-03-31T12:00:00Z');
    expect(snap.total).toMatchObject({ learners: 4, enrolled: 3, completed: 2, placed: 1 });
    expect(snap.byCohort['c1']).toMatchObject({ completed: 2, placed: 1 });
  });

  it('keeps a completion date the export gives, and never erases a stored one', () => {
    const withDate = previewRosterImport(
      table(
        [...headers, 'Completion date'],
        [['L1', 'All done', '', '', '2026-03-20', '1', '1', '', '2026-02-02']],
      ),
      guessRosterMapping([...headers, 'Completion date']),
      plan,
      { date: '2026-03-31' },
    );
    expect(withDate.learners[0]!.completed).toBe('2026-02-02');
    // A later export where the counts say not all done leaves the stored date (an empty value erases nothing).
    const later = previewRosterImport(
      table(headers, [['L1', 'All done', '', '', '2026-04-20', '2', '1', '']]),
      guessRosterMapping(headers),
      plan,
      { date: '2026-04-30' },
    );
    const merged = mergeImport(
      { learners: [encodeLearners(preview.learners)], courseRows: [] },
      later,
      '2026-04-30',
      '2026-04-30T12:00:00Z',
    );
    expect(merged.snapshot.total.completed).toBe(2);
  });
});

describe('the funnel adds up', () => {
  const learner = (over: Partial<RosterLearner>): RosterLearner => ({
    key: 'id:x',
    learnerId: 'x',
    email: '',
    name: '',
    segmentId: null,
    cohortId: null,
    pathwayId: null,
    invited: null,
    registered: null,
    enrolled: '2026-01-01',
    completed: null,
    lastActivity: null,
    coursesEnrolled: 1,
    coursesCompleted: 0,
    hours: 0,
    skillScores: {},
    jobOutcome: 'none',
    topLearner: false,
    firstSeen: '2026-03-31',
    updated: '2026-03-31',
    ...over,
  });

  it('counts placed only for completers (an outcome without completion, or completed after the date, is not placed)', () => {
    const c = countsOf(
      [
        learner({ completed: '2026-03-01', jobOutcome: 'placed' }),
        learner({ completed: '2026-03-01', jobOutcome: 'retained' }),
        learner({ completed: '2026-03-01' }),
        learner({ jobOutcome: 'promoted' }),
        learner({ completed: '2026-04-15', jobOutcome: 'selfEmployed' }),
      ],
      '2026-03-31',
    );
    expect(c).toMatchObject({ enrolled: 5, completed: 3, placed: 2 });
    expect(c.placed).toBeLessThanOrEqual(c.completed);
    expect(c.completed).toBeLessThanOrEqual(c.enrolled);
  });
});

describe('job outcomes in common wordings', () => {
  it('reads them', () => {
    const cases: [string, ReturnType<typeof parseJobOutcome>][] = [
      ['Employed', 'placed'],
      ['Employed (full-time)', 'placed'],
      ['In work', 'placed'],
      ['Placed', 'placed'],
      ['Hired', 'placed'],
      ['Promoted', 'promoted'],
      ['Promoted to team lead', 'promoted'],
      ['Retained', 'retained'],
      ['Still employed', 'retained'],
      ['Self-employed', 'selfEmployed'],
      ['Self employed (sole trader)', 'selfEmployed'],
      ['Freelance', 'selfEmployed'],
      ['Not placed', 'none'],
      ['Not employed', 'none'],
      ['Unemployed', 'none'],
      ['In training', 'none'],
      ['None', 'none'],
      ['', 'none'],
      ['—', 'none'],
      ['astronaut', null],
    ];
    for (const [text, outcome] of cases)
      expect([text, parseJobOutcome(text)]).toEqual([text, outcome]);
  });

  it('imports a learner with an unknown outcome as none, with a warning counted in the preview', () => {
    const headers = ['Learner ID', 'Name', 'Job outcome'];
    const preview = previewRosterImport(
      table(headers, [
        ['J1', 'Employed', 'Employed'],
        ['J2', 'Training', 'In training'],
        ['J3', 'Odd', 'Moved abroad'],
        ['J4', 'Odd too', 'Moved abroad'],
        ['J5', 'Not placed', 'Not placed'],
      ]),
      guessRosterMapping(headers),
      plan,
      { date: '2026-03-31' },
    );
    expect(preview.failed).toEqual([]);
    expect(preview.learners.map((l) => l.jobOutcome)).toEqual([
      'placed',
      'none',
      'none',
      'none',
      'none',
    ]);
    expect(preview.warnings.map((w) => [w.row, w.field])).toEqual([
      [4, 'jobOutcome'],
      [5, 'jobOutcome'],
    ]);
    expect(preview.notes).toContainEqual(
      '2 rows have a job outcome the import does not know (“Moved abroad”): those learners are imported with outcome none.',
    );
  });
});
