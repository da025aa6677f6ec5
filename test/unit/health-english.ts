/**
 * Findings in English for the tests: a finding carries a catalog key and
 * values; these write its sentence (and its repair's button) with the English
 * catalog, as the app shows them in English.
 */
import { renderHealthMessage, renderValue, repairText } from '../../shared/health/render';
import type { Finding, HealthMessage, HealthRepair, MessageValue } from '../../shared/health/types';
import { formatFor } from '../../shared/i18n/format';
import { createTranslator } from '../../shared/i18n/translator';

const { t } = await createTranslator('en');

/** A finding's sentence in English. */
export function english(message: HealthMessage): string {
  return renderHealthMessage(t, formatFor('en'), message);
}

/** One value of a message in English (a quoted title, a date, a list…). */
export function englishValue(value: MessageValue): string {
  return String(renderValue(t, formatFor('en'), value));
}

/** A repair button's words in English. */
export function englishRepair(repair: HealthRepair): string {
  return repairText(t, repair);
}

/** A finding as the English UI shows it: its sentence, and its repair's kind, id and button words. */
export function inEnglish(finding: Finding) {
  const { repair, ...rest } = finding;
  return {
    ...rest,
    message: english(finding.message),
    ...(repair
      ? { repair: { kind: repair.kind, id: repair.id, label: englishRepair(repair) } }
      : {}),
  };
}
