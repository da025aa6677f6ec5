/**
 * The learner roster of the bundled sample plan (Lower Valley Digital
 * Futures): its 2026 pilot cohort, 412 invited learners. SYNTHETIC: fake
 * people only ("Learner 00001", learner00001@example.org, platform id
 * L00001), made up deterministically (a fixed seed) so the sample's Manage
 * sections have a roster to show on first start. No real person is in it.
 *
 * The story (shared/manage/story-roster.ts) is shaped to the sample's own
 * numbers, so the plan and the roster agree: 300 licences and 412
 * invitations in two batches (April and May), 286 enrolled (284 by the end of
 * September), most drop-out in weeks 2–6, 118 completers when the pilot
 * closed on 30 October and 120 by 15 November, 34 placed. The plan's dated
 * snapshots (`plan.manage.progress`) are the aggregates of its exports
 * (`sampleProgress`).
 */
import type { Plan, ProgressSnapshot } from '../plan/schema';
import { storyProgress, storyRoster, type RosterStory } from './story-roster';
import type { SyntheticRoster } from './synthetic-roster';

export { shiftRoster } from './story-roster';

/** The day of the sample's newest roster export (the pilot's last import). */
export const SAMPLE_ROSTER_DATE = '2026-11-15';

/** The sample's roster imports: the day each export describes and when it was imported. */
export const SAMPLE_IMPORTS: readonly { readonly date: string; readonly importedAt: string }[] = [
  // The pilot's monthly exports, imported when the plan was set up.
  { date: '2026-05-31', importedAt: '2026-10-06T09:40:00Z' },
  { date: '2026-06-30', importedAt: '2026-10-06T09:42:00Z' },
  { date: '2026-07-31', importedAt: '2026-10-06T09:44:00Z' },
  { date: '2026-08-31', importedAt: '2026-10-06T09:46:00Z' },
  { date: '2026-09-30', importedAt: '2026-10-06T09:48:00Z' },
  { date: '2026-10-31', importedAt: '2026-11-02T08:55:00Z' },
  { date: SAMPLE_ROSTER_DATE, importedAt: '2026-11-16T08:30:00Z' },
];

/** The pilot's story: who was invited, enrolled, completed and placed, and when. */
export const SAMPLE_ROSTER_STORY: RosterStory = {
  seed: 2026,
  person: { name: 'Learner', email: 'learner', id: 'L' },
  cohortId: 'cohort-pilot-2026',
  imports: SAMPLE_IMPORTS,
  // Learners per segment in the pilot (412 in all).
  segments: [
    ['seg-neet', 150],
    ['seg-underemployed', 110],
    ['seg-parents', 64],
    ['seg-graduates', 58],
    ['seg-justice', 30],
  ],
  // About three in five on the IT support pathway, the rest on the pilot's
  // customer support certificate track (not a pathway of this plan).
  tracks: [
    { pathwayId: 'pw-it-support', hours: 110, share: 0.62 },
    {
      pathwayId: null,
      courses: [
        'cat-learning-online',
        'cat-customer-service',
        'cat-gp-crm',
        'cat-customer-support-cert',
      ],
      hours: 78,
      share: 0.38,
    },
  ],
  // 300 invitations in the week of 6 April, 112 more in the week of 18 May.
  invitations: [
    { start: '2026-04-06', count: 300 },
    { start: '2026-05-18', count: 112 },
  ],
  // 286 enrol (two of them in October, after a coach's call), 22 more only register.
  enrolled: 286,
  registeredOnly: 22,
  late: { count: 2, from: '2026-10-02', everyDays: 7 },
  // 120 completers; the pilot closed on 30 October.
  completions: [
    ['2026-07-01', '2026-07-31', 22],
    ['2026-08-01', '2026-08-31', 34],
    ['2026-09-01', '2026-09-30', 38],
    ['2026-10-01', '2026-10-30', 24],
    ['2026-11-02', '2026-11-13', 2],
  ],
  pace: { fastest: 70, spread: 60 },
  stopBy: '2026-10-30',
  // 34 of the completers, most of the earliest; promotions for underemployed workers.
  outcomes: {
    count: 34,
    from: 70,
    usual: 'placed',
    other: { outcome: 'promoted', segmentIds: ['seg-underemployed'], share: 0.3 },
  },
  // NEET and justice-involved learners stopped more often in the pilot (time, money, confidence).
  drive: { 'seg-neet': 0.8, 'seg-justice': 0.8, 'seg-parents': 0.95, 'seg-graduates': 1.1 },
  topLearners: 8,
  // Optional courses completers kept studying after the pilot.
  optional: ['cat-genai-work', 'cat-cloud-intro', 'cat-workplace-english'],
};

/**
 * The sample's roster as exported on `date` (default: its newest export,
 * 15 November 2026): fake learners only, with their per-course rows.
 */
export function sampleRoster(plan: Plan, date: string = SAMPLE_ROSTER_DATE): SyntheticRoster {
  return storyRoster(plan, SAMPLE_ROSTER_STORY, date);
}

/** The aggregates of each of the sample's roster imports, oldest first (what `plan.manage.progress` holds). */
export function sampleProgress(plan: Plan): ProgressSnapshot[] {
  return storyProgress(plan, SAMPLE_ROSTER_STORY);
}
