/**
 * What an export contains: the audience profile and the sections the user
 * ticked. Shared by the builders, the export dialog, the command line and
 * the worker so every entry point means the same thing by "partner-safe".
 * Which fields each profile shows is in audience.ts.
 */
import type { Profile } from './audience';
import type { DiagramScene } from './diagrams/scene';
import type { ContentUse } from '../manage/content-use';
import type { DocLocale } from './locale';

export { isProfile, PROFILE_IDS, PROFILES, type Profile } from './audience';

/** Sections of the exported plan, in document order (named in the catalogs: `document:chapters.*`, `exportDialog:sections.*`). */
export const EXPORT_SECTIONS = [
  { id: 'objective' },
  { id: 'theoryOfChange' },
  { id: 'logicModel' },
  { id: 'indicators' },
  { id: 'stakeholders' },
  { id: 'learners' },
  { id: 'catalog' },
  { id: 'makeOrBuy' },
  { id: 'pathways' },
  { id: 'onboarding' },
  { id: 'communications' },
  { id: 'invitations' },
  { id: 'marketing' },
  { id: 'roster' },
  { id: 'kpis' },
  { id: 'engagement' },
  { id: 'contentInUse' },
  { id: 'skillsFirst' },
  { id: 'reviews' },
] as const;

/** An exportable section. */
export type ExportSectionId = (typeof EXPORT_SECTIONS)[number]['id'];

/** Every section id, in document order. */
export const ALL_SECTION_IDS: readonly ExportSectionId[] = EXPORT_SECTIONS.map((s) => s.id);

/**
 * Paints a diagram as PNG bytes `pixelWidth` wide. Supplied by the platform:
 * resvg in Node, an OffscreenCanvas in the browser worker.
 */
export type Rasterize = (scene: DiagramScene, pixelWidth: number) => Promise<Uint8Array>;

/**
 * What an export is doing, for the dialog to say in the UI's language:
 * collecting the plan, writing a section (or the workbook's summary),
 * packing the file, done.
 */
export type ExportStep =
  | { readonly step: 'collecting' | 'packing' | 'done' }
  | { readonly step: 'writing'; readonly section: ExportSectionId | 'summary' };

/** Progress of an export, 0..1, with what is being done. */
export type ProgressReport = (fraction: number, step: ExportStep) => void;

/** Options every builder takes. */
export interface ExportOptions {
  readonly profile: Profile;
  readonly sections: readonly ExportSectionId[];
  /**
   * The date the document speaks for (YYYY-MM-DD): printed on the cover as
   * "As of", and the date engagement statuses ("Done", "Overdue") are worked
   * out for. The user chooses it; it is never silently the export moment.
   */
  readonly asOf: string;
  /** PNG rasteriser for diagrams; without one the document says where the diagram would be. */
  readonly rasterize?: Rasterize;
  readonly onProgress?: ProgressReport;
  /**
   * How the catalog items are used, counted from the local learner roster
   * (counts per item only; the Content in use chapter and sheet). Without it
   * they give the content audit alone.
   */
  readonly contentUse?: ContentUse;
  /**
   * The language the files are written in (locale.ts): created once per
   * export by the caller or the builder. Without it the Word and Excel
   * builders use the plan's document language.
   */
  readonly locale?: DocLocale;
}

/** Result of reading a section list typed by a person ("objective,stakeholders"). */
export type SectionsParse =
  | { readonly ok: true; readonly sections: ExportSectionId[] }
  | { readonly ok: false; readonly message: string };

/** Reads a comma-separated section list; unknown names are refused by name. */
export function parseSections(text: string): SectionsParse {
  const wanted = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (wanted.length === 0)
    return { ok: false, message: `No sections given; choose from ${ALL_SECTION_IDS.join(', ')}.` };
  const unknown = wanted.filter((s) => !(ALL_SECTION_IDS as readonly string[]).includes(s));
  if (unknown.length > 0)
    return {
      ok: false,
      message: `Unknown section ${unknown.map((s) => `"${s}"`).join(', ')}; choose from ${ALL_SECTION_IDS.join(', ')}.`,
    };
  // Document order, whatever order they were typed in.
  return { ok: true, sections: ALL_SECTION_IDS.filter((id) => wanted.includes(id)) };
}
