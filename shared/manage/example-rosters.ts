/**
 * The synthetic rosters of the worked example plans (issue 15), one story
 * each (shared/manage/story-roster.ts): fake people only, deterministic,
 * shaped to each example's own numbers. The plan files' progress snapshots
 * and roster-counted KPI actuals are the aggregates of these rosters.
 */
import type { RosterStory } from './story-roster';

/** Northmere Skills Forward: 1,200 employees invited in two waves in March 2026, 776 enrolled. */
export const NORTHMERE_ROSTER_STORY: RosterStory = {
  seed: 4417,
  person: { name: 'Employee', email: 'employee', id: 'E' },
  cohortId: 'cohort-wave-1',
  imports: [
    { date: '2026-05-31', importedAt: '2026-06-02T08:10:00Z' },
    { date: '2026-06-30', importedAt: '2026-07-01T08:05:00Z' },
    { date: '2026-07-31', importedAt: '2026-08-03T08:20:00Z' },
    { date: '2026-08-31', importedAt: '2026-09-01T08:15:00Z' },
    { date: '2026-09-30', importedAt: '2026-10-01T08:00:00Z' },
    { date: '2026-10-31', importedAt: '2026-11-02T08:30:00Z' },
    { date: '2026-11-13', importedAt: '2026-11-16T08:40:00Z' },
  ],
  segments: [
    ['seg-claims', 470],
    ['seg-ops', 260],
    ['seg-engineers', 170],
    ['seg-data', 88],
    ['seg-managers', 212],
  ],
  tracks: [
    {
      pathwayId: 'pw-claims-assist',
      hours: 39,
      share: 0.75,
      segmentIds: ['seg-claims', 'seg-ops'],
    },
    { pathwayId: 'pw-claims-analyst', hours: 78, share: 0.25, segmentIds: ['seg-ops', 'seg-data'] },
    { pathwayId: 'pw-cloud', hours: 138, share: 0.6, segmentIds: ['seg-engineers'] },
    { pathwayId: 'pw-ml', hours: 121, share: 0.4, segmentIds: ['seg-engineers', 'seg-data'] },
    { pathwayId: 'pw-managers', hours: 18, share: 1, segmentIds: ['seg-managers'] },
  ],
  invitations: [
    { start: '2026-03-02', count: 660, cohortId: 'cohort-wave-1' },
    { start: '2026-03-30', count: 540, cohortId: 'cohort-wave-2' },
  ],
  enrolled: 776,
  registeredOnly: 30,
  late: { count: 6, from: '2026-06-15', everyDays: 7 },
  completions: [
    ['2026-06-01', '2026-06-30', 20],
    ['2026-07-01', '2026-07-31', 45],
    ['2026-08-01', '2026-08-31', 60],
    ['2026-09-01', '2026-09-30', 95],
    ['2026-10-01', '2026-10-30', 120],
    ['2026-11-02', '2026-11-12', 45],
  ],
  pace: { fastest: 60, spread: 120 },
  stopBy: '2026-11-06',
  outcomes: {
    count: 64,
    from: 200,
    usual: 'promoted',
    segmentIds: ['seg-claims', 'seg-ops', 'seg-engineers', 'seg-data'],
  },
  drive: {
    'seg-ops': 0.85,
    'seg-claims': 0.9,
    'seg-engineers': 1.05,
    'seg-data': 1.1,
    'seg-managers': 1.3,
  },
  topLearners: 12,
  optional: ['cat-python-automation', 'cat-genai-basics', 'cat-wellbeing-change'],
};
