/**
 * Audience profiles and, in one table, which plan fields each profile may
 * show. The Word document model (document.ts) and the Excel workbook
 * (xlsx.ts) both ask {@link shows}, so the two files cannot disagree about
 * what a funder or a partner gets to read.
 *
 * The principle: a funder reviews how the program is run, so it sees the
 * stakeholder analysis and the status of engagement actions, but not how to
 * reach people or what the team notes about them. A partner-safe file goes to
 * people the plan itself rates (partner employers, providers, a ministry): it
 * says who takes part and in what role, and leaves out every judgement the
 * team makes about them and every internal score.
 */
import { englishLocale, type DocLocale } from './locale';

/**
 * Audience profiles, from the fullest to the most restricted. Their names and
 * descriptions are in the catalogs (`exportDialog:profiles.*` for the export
 * dialog, `document:profiles.*` and `audienceNote.*` for the files).
 */
export const PROFILES = {
  internal: { id: 'internal' },
  funder: { id: 'funder' },
  partner: { id: 'partner' },
} as const;

/** An audience profile. */
export type Profile = keyof typeof PROFILES;

/** Every profile, fullest first. */
export const PROFILE_IDS: readonly Profile[] = ['internal', 'funder', 'partner'];

/** Whether a string names a profile. */
export function isProfile(text: string): text is Profile {
  return Object.hasOwn(PROFILES, text);
}

/** A plan field (or group of fields) whose presence depends on the audience. */
export interface AudienceField {
  /** What the reader sees it called (column heading or section). */
  readonly label: string;
  /** What the field really holds, in the plan's words. */
  readonly holds: string;
  /** The profiles whose files show it; empty = never exported. */
  readonly profiles: readonly Profile[];
}

const INTERNAL: readonly Profile[] = ['internal'];
const NOT_PARTNERS: readonly Profile[] = ['internal', 'funder'];

/**
 * Every field whose export depends on the profile. Fields not listed here
 * (objective, theory of change, logic model, indicators, learner segments,
 * catalog titles and costs, pathways, stakeholder names, organisations,
 * roles, types and relationship owners, checkpoint titles and dates) are in
 * every profile.
 */
export const AUDIENCE_FIELDS = {
  stakeholderContact: {
    label: 'Contact',
    holds: "A stakeholder's contact person, e-mail address and phone number",
    profiles: INTERNAL,
  },
  stakeholderNotes: {
    label: 'Internal notes',
    holds: "The team's notes on a stakeholder",
    profiles: INTERNAL,
  },
  checkpointNotes: {
    label: 'Notes',
    holds: "The Notes field of an industry checkpoint (free text, labelled 'Notes' in the app)",
    profiles: INTERNAL,
  },
  catalogNotes: {
    label: 'Internal notes',
    holds: "The team's notes on a catalog item",
    profiles: INTERNAL,
  },
  raterNames: {
    label: 'Rater names',
    holds: 'Who rated the make-or-buy criteria in the workshop',
    profiles: INTERNAL,
  },
  stakeholderStance: {
    label: 'Stance now → wanted',
    holds: "The team's judgement of each stakeholder's current and desired stance",
    profiles: NOT_PARTNERS,
  },
  stakeholderScores: {
    label: 'Power, Interest',
    holds: 'Power and interest scores (0–100) and the positions on the matrix figure',
    profiles: NOT_PARTNERS,
  },
  stakeholderQuadrant: {
    label: 'Quadrant',
    holds:
      'The matrix quadrant of each stakeholder and its engagement strategy (e.g. "Monitor — watch with minimum effort"), with counts by quadrant',
    profiles: NOT_PARTNERS,
  },
  keyBuyIn: {
    label: 'Whose buy-in is key?',
    holds: "The team's answer naming whose buy-in matters most and who is still to win",
    profiles: NOT_PARTNERS,
  },
  engagementPlan: {
    label: 'Engagement plan',
    holds:
      "The team's engagement actions (what, who, when, repeats) and each stakeholder's next checkpoint date",
    profiles: NOT_PARTNERS,
  },
  actionStatus: {
    label: 'Status',
    holds:
      'Whether each engagement action is done or overdue, as of the date chosen for the export',
    profiles: NOT_PARTNERS,
  },
  checklistStatus: {
    label: 'Status',
    holds:
      'Whether each onboarding checklist step is not started, in progress, blocked, done or overdue, as of the date chosen for the export',
    profiles: NOT_PARTNERS,
  },
  checklistNotes: {
    label: 'Notes',
    holds: "The team's notes on each onboarding checklist step",
    profiles: INTERNAL,
  },
  communicationStatus: {
    label: 'Status',
    holds: 'Whether each launch communication is a draft, ready or sent',
    profiles: NOT_PARTNERS,
  },
  makeOrBuyScores: {
    label: 'Make-or-buy scoring',
    holds:
      'Criterion weights, ratings, average ratings, Make and Buy points, totals and the scored recommendation',
    profiles: NOT_PARTNERS,
  },
  reviewJudgements: {
    label: 'Review judgements',
    holds:
      "What a review says: its summary, what was learned, the decisions, each theory-of-change assumption's status (holding, at risk, broken) with its note and KPI evidence, and the lessons to act on",
    profiles: NOT_PARTNERS,
  },
  personalData: {
    label: 'Learners and people',
    holds:
      "Learner stories without consent recorded, cohort notes, the skills map's people and the names and e-mail addresses of learners and invitees",
    profiles: [],
  },
} as const satisfies Record<string, AudienceField>;

/** A field whose presence depends on the audience. */
export type AudienceFieldId = keyof typeof AUDIENCE_FIELDS;

/** Whether files for `profile` show `field`. */
export function shows(profile: Profile, field: AudienceFieldId): boolean {
  return (AUDIENCE_FIELDS[field].profiles as readonly Profile[]).includes(profile);
}

/** The fields a profile leaves out, in table order. */
export function leftOut(profile: Profile): AudienceFieldId[] {
  return (Object.keys(AUDIENCE_FIELDS) as AudienceFieldId[]).filter(
    (field) => !shows(profile, field) && field !== 'personalData',
  );
}

/** One sentence for the cover and the workbook summary: who the file is for and what it leaves out. */
export function audienceNote(profile: Profile, loc: DocLocale = englishLocale()): string {
  return loc.d(`audienceNote.${profile}`);
}
