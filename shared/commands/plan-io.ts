/**
 * Commands that change much of a plan at once: an edited workbook brought
 * back, a Plan health repair. Each is one undo step.
 */
import { englishTranslator } from '../i18n/english';
import { applyRoundTrip, type RoundTripPreview } from '../export/roundtrip-model';
import { applyRepair } from '../health/check';
import type { HealthRepair } from '../health/types';
import type { PlanSectionId } from '../plan/sections';
import { CommandRefusal, defineCommand } from './command';

/** Gives every added row of a workbook preview an id, so applying it is deterministic. */
export function withRowIds(
  preview: RoundTripPreview,
  makeId: (prefix: string) => string,
): RoundTripPreview {
  const name = (prefix: string) => (row: RoundTripPreview['stakeholders']['added'][number]) =>
    row.id ? row : { ...row, id: makeId(prefix) };
  return {
    ...preview,
    stakeholders: { ...preview.stakeholders, added: preview.stakeholders.added.map(name('sh')) },
    indicators: { ...preview.indicators, added: preview.indicators.added.map(name('ind')) },
  };
}

/** Applies an edited workbook's Stakeholders and Indicators sheets (see shared/export/roundtrip.ts). */
export const importWorkbook = defineCommand<{ preview: RoundTripPreview }>({
  type: 'plan.importWorkbook',
  label: (_args, _plan, t = englishTranslator) => t('commands:planIo.importWorkbook'),
  locate: ({ preview }) => ({
    section: preview.stakeholders.present ? 'stakeholders' : 'logicModel',
  }),
  apply(draft, { preview }) {
    applyRoundTrip(draft, preview, () => {
      throw CommandRefusal.of('rowWithoutId');
    });
  },
});

const REPAIR_SECTIONS: Record<HealthRepair['kind'], PlanSectionId> = {
  removeIndicator: 'health',
  forgetMissingSubjects: 'health',
  removeTocLink: 'theoryOfChange',
  removeLogicLink: 'logicModel',
};

/** Applies a Plan health finding's one-click repair (removes a broken indicator or link). */
export const repairFinding = defineCommand<{ repair: HealthRepair }>({
  type: 'health.repair',
  label: ({ repair }, _plan, t = englishTranslator) =>
    t(`commands:planIo.repair.${repair.labelKey}`),
  locate: ({ repair }) => ({ section: REPAIR_SECTIONS[repair.kind] }),
  apply(draft, { repair }) {
    applyRepair(draft, repair);
  },
});
