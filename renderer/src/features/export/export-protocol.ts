/**
 * Messages between the export dialog and the export worker, and the work the
 * worker does: building the Word or Excel file (with progress), and reading
 * an edited workbook for the round trip. The same session runs in-thread
 * where there is no Worker (component tests).
 */
import type { ContentUse } from '../../../../shared/manage/content-use';
import { buildPlanDocx } from '../../../../shared/export/docx';
import type {
  ExportSectionId,
  ExportStep,
  Profile,
  Rasterize,
} from '../../../../shared/export/options';
import { readRoundTripWorkbook, type RoundTripResult } from '../../../../shared/export/roundtrip';
import type { ExportKind } from '../../../../shared/export/sanitize';
import { buildPlanXlsx } from '../../../../shared/export/xlsx';
import { recordsToPlan, type PlanRecord } from '../../../../shared/plan/records';
import type { Language } from '../../../../shared/i18n/languages';

/**
 * A request to the export worker. The plan goes first, as `planPart`
 * messages with the request's id (its storage records, a batch at a time:
 * one message of a large plan took the UI thread ~50 ms to copy), then the
 * request itself.
 */
export type ExportWorkerRequest =
  | {
      readonly id: number;
      readonly type: 'planPart';
      readonly records: readonly PlanRecord[];
    }
  | {
      readonly id: number;
      readonly type: 'export';
      readonly kind: ExportKind;
      readonly profile: Profile;
      readonly sections: readonly ExportSectionId[];
      /** The date statuses are worked out for and the cover states (YYYY-MM-DD). */
      readonly asOf: string;
      /** Item use counted from the local roster (counts only), for the Content in use chapter. */
      readonly contentUse?: ContentUse;
    }
  | {
      readonly id: number;
      readonly type: 'roundtrip';
      readonly name: string;
      readonly bytes: ArrayBuffer;
      /** The UI language: what reading found is said in it. */
      readonly language: Language;
    }
  /** The page's answer to `paintSvg`: PNG bytes, or null when it could not paint the drawing. */
  | {
      readonly id: number;
      readonly type: 'svgPainted';
      readonly svgId: number;
      readonly png: Uint8Array | null;
    };

/** A reply from the export worker; `progress` may come several times before the end. */
export type ExportWorkerResponse =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly fraction: number;
      readonly step: ExportStep;
    }
  | { readonly id: number; readonly type: 'exported'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'roundtrip'; readonly result: RoundTripResult }
  | { readonly id: number; readonly type: 'failed'; readonly message: string }
  /**
   * A request to the page to paint a whole SVG drawing (a Manage chart) as
   * PNG `pixelWidth` wide: a worker's canvas cannot read SVG, the page's can.
   */
  | {
      readonly id: number;
      readonly type: 'paintSvg';
      readonly svgId: number;
      readonly svg: string;
      readonly pixelWidth: number;
    };

/** Runs requests; `post` sends replies (postMessage in the worker). */
export class ExportSession {
  /** Records of the plan of each request, as they arrive. */
  private readonly planParts = new Map<number, PlanRecord[]>();

  constructor(
    private readonly rasterize: Rasterize | undefined,
    private readonly post: (response: ExportWorkerResponse) => void,
  ) {}

  /** Handles one request and posts its progress and result. */
  async handle(request: ExportWorkerRequest): Promise<void> {
    const { id } = request;
    if (request.type === 'svgPainted') return;
    if (request.type === 'planPart') {
      const parts = this.planParts.get(id) ?? [];
      for (const record of request.records) parts.push(record);
      this.planParts.set(id, parts);
      return;
    }
    const records = this.planParts.get(id) ?? [];
    this.planParts.delete(id);
    try {
      const plan = recordsToPlan(records);
      if (request.type === 'roundtrip') {
        const result = await readRoundTripWorkbook(
          new Uint8Array(request.bytes),
          plan,
          request.name,
          request.language,
        );
        this.post({ id, type: 'roundtrip', result });
        return;
      }
      const options = {
        profile: request.profile,
        sections: request.sections,
        asOf: request.asOf,
        rasterize: this.rasterize,
        contentUse: request.contentUse,
        onProgress: (fraction: number, step: ExportStep) =>
          this.post({ id, type: 'progress', fraction, step }),
      };
      const bytes =
        request.kind === 'docx'
          ? await buildPlanDocx(plan, options)
          : await buildPlanXlsx(plan, options);
      this.post({ id, type: 'exported', bytes });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ id, type: 'failed', message: `The export failed: ${reason}` });
    }
  }
}
