/**
 * The worked example plans bundled with the app (issue 15): complete,
 * realistic plans a planner can start from, each with every section filled —
 * Launch and Manage included — and a synthetic roster of fake learners so its
 * Manage sections have data. The files live in resources/sample-plans/; the
 * app adds a copy to the library with its dates moved ahead of today
 * (shared/plan/sample.ts `sampleAsOf`: every example is written as of
 * SAMPLE_AS_OF) and seeds its roster.
 *
 * The gallery's words about each example (summary, what it shows) are in the
 * interface language; the title is the plan's own name, in the plan's
 * language (`language`).
 */
import { SAMPLE_ROSTER_STORY } from '../manage/sample-roster';
import {
  CALDER_ROSTER_STORY,
  NAFITHA_ROSTER_STORY,
  NORTHMERE_ROSTER_STORY,
} from '../manage/example-rosters';
import type { RosterStory } from '../manage/story-roster';

/** Languages the example plans are written in. */
export type ExampleLanguage = 'en' | 'es' | 'ar';

/** A language's name, in English and in itself. */
export const EXAMPLE_LANGUAGE_NAMES: Readonly<
  Record<ExampleLanguage, { readonly english: string; readonly native: string }>
> = {
  en: { english: 'English', native: 'English' },
  es: { english: 'Spanish', native: 'Español' },
  ar: { english: 'Arabic', native: 'العربية' },
};

/** One bundled example plan. */
export interface ExamplePlan {
  /** Stable id (also the file name without `.upskill.json`). */
  readonly id: string;
  /** The file in resources/sample-plans/. */
  readonly file: string;
  /** The plan's name, as in the file (in the plan's language). */
  readonly title: string;
  /** The language the plan is written in. */
  readonly language: ExampleLanguage;
  /** The example this one translates, when it is a translation. */
  readonly translationOf: string | null;
  /** One line on the program: who, where, what. */
  readonly summary: string;
  /** What the example shows off, a few words each. */
  readonly shows: readonly string[];
  /** Its synthetic roster: the story it is told from, and the name it is listed under. */
  readonly roster: { readonly story: RosterStory; readonly fileName: string };
}

/** The bundled examples, in the order the gallery lists them. */
export const EXAMPLE_PLANS: readonly ExamplePlan[] = [
  {
    id: 'youth-digital-skills',
    file: 'youth-digital-skills.upskill.json',
    title: 'Lower Valley Digital Futures 2027',
    language: 'en',
    translationOf: null,
    summary:
      'A regional employment service prepares 2,000 unemployed, underemployed and NEET young people for entry-level digital jobs.',
    shows: [
      'Five youth segments with allowances, devices, data and childcare',
      'A pilot’s roster, KPIs and close review feeding the next cohort',
      'Employer advisory panel and industry checkpoints',
    ],
    roster: {
      story: SAMPLE_ROSTER_STORY,
      fileName: 'Sample roster (synthetic, fake learners).csv',
    },
  },
  {
    id: 'youth-digital-skills-es',
    file: 'youth-digital-skills-es.upskill.json',
    title: 'Futuros Digitales Bajo Valle 2027',
    language: 'es',
    translationOf: 'youth-digital-skills',
    summary:
      'The youth digital skills program as a Spanish-language program in Spain, every text in Spanish.',
    shows: [
      'A whole plan in Spanish: itinerarios, indicadores, partes interesadas',
      'The same numbers, dates and roster as the English sample',
      'Documents in Spanish (its document language)',
    ],
    roster: {
      story: {
        ...SAMPLE_ROSTER_STORY,
        person: { name: 'Participante', email: 'participante', id: 'L' },
      },
      fileName: 'Futuros Digitales example roster (synthetic, fake learners).csv',
    },
  },
  {
    id: 'northmere-skills-forward',
    file: 'northmere-skills-forward.upskill.json',
    title: 'Northmere Skills Forward 2026–2027',
    language: 'en',
    translationOf: null,
    summary:
      'An insurer builds the skills of its AI and cloud roadmap from its own staff: claims handlers, operations staff, engineers, analysts and managers.',
    shows: [
      'Skills map of roles and people, with dated assessments',
      'Critical capabilities with a decision per gap, tied to roadmap milestones',
      'Role-based pathways and skills-first KPIs in a running program',
    ],
    roster: {
      story: NORTHMERE_ROSTER_STORY,
      fileName: 'Northmere example roster (synthetic, fake employees).csv',
    },
  },
  {
    id: 'calder-fresh-start',
    file: 'calder-fresh-start.upskill.json',
    title: 'Calder County Fresh Start Pathways 2026–2027',
    language: 'en',
    translationOf: null,
    summary:
      'A county workforce board helps people leaving jail or prison learn before and after release and start work with fair-chance employers.',
    shows: [
      'Heavy wraparound services: navigators, mentors, housing, legal aid, treatment, childcare',
      'Learning that starts inside on secure tablets and continues after release',
      'Two cohorts compared, a broken assumption and the decisions it led to',
    ],
    roster: {
      story: CALDER_ROSTER_STORY,
      fileName: 'Calder example roster (synthetic, fake participants).csv',
    },
  },
  {
    id: 'nafitha-rural-women',
    file: 'nafitha-rural-women.upskill.json',
    title: 'Nafitha Digital: Rural Women in Tech 2026–2027',
    language: 'en',
    translationOf: null,
    summary:
      'A foundation helps women in four rural governorates of Jordan earn from remote work, data work and online shops.',
    shows: [
      'Connectivity and devices as the main barriers: zero-rated data, bundles, laptops, village hubs',
      'Families and communities as stakeholders; Arabic-first content decisions',
      'A cohort just launched: early roster, active rates and a first review',
    ],
    roster: {
      story: NAFITHA_ROSTER_STORY,
      fileName: 'Nafitha example roster (synthetic, fake learners).csv',
    },
  },
  {
    id: 'nafitha-rural-women-ar',
    file: 'nafitha-rural-women-ar.upskill.json',
    title: 'نافذة الرقمية: المرأة الريفية في التكنولوجيا 2026–2027',
    language: 'ar',
    translationOf: 'nafitha-rural-women',
    summary:
      'The rural women in tech program in Jordan, written in Arabic as its team and funder would read it.',
    shows: [
      'A whole plan in Arabic, right to left, with Latin names and numbers mixed in',
      'Arabic-first content, families and connectivity, as in the English version',
      'Documents in Arabic (its document language)',
    ],
    roster: {
      story: { ...NAFITHA_ROSTER_STORY, person: { name: 'متعلمة', email: 'learner', id: 'N' } },
      fileName: 'Nafitha example roster, Arabic (synthetic, fake learners).csv',
    },
  },
];

/** The example with this id, if any. */
export function examplePlan(id: string): ExamplePlan | undefined {
  return EXAMPLE_PLANS.find((e) => e.id === id);
}
