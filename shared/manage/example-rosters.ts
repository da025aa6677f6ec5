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

/** Calder County Fresh Start Pathways: two cohorts of referrals (January and July 2026), 488 enrolled. */
export const CALDER_ROSTER_STORY: RosterStory = {
  seed: 1861,
  person: { name: 'Participant', email: 'participant', id: 'P' },
  cohortId: 'cohort-1',
  imports: [
    { date: '2026-02-28', importedAt: '2026-03-02T09:00:00Z' },
    { date: '2026-03-31', importedAt: '2026-04-01T09:10:00Z' },
    { date: '2026-04-30', importedAt: '2026-05-01T09:05:00Z' },
    { date: '2026-05-31', importedAt: '2026-06-01T09:00:00Z' },
    { date: '2026-06-30', importedAt: '2026-07-01T09:20:00Z' },
    { date: '2026-07-31', importedAt: '2026-08-03T09:00:00Z' },
    { date: '2026-08-31', importedAt: '2026-09-01T09:15:00Z' },
    { date: '2026-09-30', importedAt: '2026-10-01T09:00:00Z' },
    { date: '2026-10-31', importedAt: '2026-11-02T09:10:00Z' },
    { date: '2026-11-14', importedAt: '2026-11-16T09:00:00Z' },
  ],
  segments: [
    ['seg-recent', 495],
    ['seg-prerelease', 270],
    ['seg-young', 203],
    ['seg-women', 157],
  ],
  tracks: [
    { pathwayId: 'pw-foundations', hours: 46, share: 0.3 },
    {
      pathwayId: 'pw-logistics',
      hours: 65,
      share: 0.35,
      segmentIds: ['seg-recent', 'seg-young', 'seg-women'],
    },
    {
      pathwayId: 'pw-it-support',
      hours: 120,
      share: 0.2,
      segmentIds: ['seg-recent', 'seg-young', 'seg-prerelease'],
    },
    { pathwayId: 'pw-customer', hours: 69, share: 0.15, segmentIds: ['seg-women', 'seg-recent'] },
  ],
  invitations: [
    { start: '2026-01-12', count: 563, cohortId: 'cohort-1' },
    { start: '2026-07-06', count: 562, cohortId: 'cohort-2' },
  ],
  enrolled: 488,
  registeredOnly: 52,
  late: { count: 4, from: '2026-08-03', everyDays: 7 },
  completions: [
    ['2026-04-01', '2026-04-30', 12],
    ['2026-05-01', '2026-05-29', 16],
    ['2026-06-01', '2026-06-30', 22],
    ['2026-07-01', '2026-07-31', 26],
    ['2026-08-03', '2026-08-31', 24],
    ['2026-09-01', '2026-09-30', 24],
    ['2026-10-01', '2026-10-30', 20],
    ['2026-11-02', '2026-11-13', 10],
  ],
  pace: { fastest: 50, spread: 90 },
  stopBy: '2026-11-06',
  outcomes: { count: 56, from: 120, usual: 'placed' },
  drive: { 'seg-prerelease': 0.75, 'seg-young': 0.7, 'seg-women': 0.95, 'seg-recent': 0.85 },
  topLearners: 10,
  optional: ['cat-permit', 'cat-wellbeing', 'cat-spreadsheets-basic'],
};

/** Nafitha Digital: cohort 1 of rural women in Jordan, 2,275 invited in two waves (6 September and 4 October 2026), learning since 6 September. */
export const NAFITHA_ROSTER_STORY: RosterStory = {
  seed: 2609,
  person: { name: 'Learner', email: 'learner', id: 'N' },
  cohortId: 'cohort-1',
  imports: [
    { date: '2026-09-30', importedAt: '2026-10-01T07:30:00Z' },
    { date: '2026-10-31', importedAt: '2026-11-01T07:45:00Z' },
    { date: '2026-11-15', importedAt: '2026-11-16T07:40:00Z' },
  ],
  segments: [
    ['seg-graduates', 788],
    ['seg-home-business', 525],
    ['seg-young', 612],
    ['seg-returners', 350],
  ],
  tracks: [
    { pathwayId: 'pw-basics', hours: 28, share: 0.5 },
    {
      pathwayId: 'pw-remote-support',
      hours: 89,
      share: 0.25,
      segmentIds: ['seg-graduates', 'seg-young', 'seg-returners'],
    },
    {
      pathwayId: 'pw-data-annotation',
      hours: 48,
      share: 0.15,
      segmentIds: ['seg-graduates', 'seg-young'],
    },
    {
      pathwayId: 'pw-selling-online',
      hours: 36,
      share: 0.3,
      segmentIds: ['seg-home-business', 'seg-returners'],
    },
  ],
  invitations: [
    { start: '2026-09-06', count: 1251 },
    { start: '2026-10-04', count: 1024 },
  ],
  enrolled: 1190,
  registeredOnly: 60,
  late: { count: 10, from: '2026-10-26', everyDays: 2 },
  completions: [
    ['2026-10-19', '2026-10-30', 30],
    ['2026-11-02', '2026-11-13', 90],
  ],
  pace: { fastest: 30, spread: 40 },
  stopBy: '2026-11-10',
  outcomes: { count: 0, from: 0, usual: 'selfEmployed' },
  drive: { 'seg-young': 0.94, 'seg-home-business': 0.97 },
  topLearners: 12,
  optional: ['cat-english-work', 'cat-wellbeing'],
};
