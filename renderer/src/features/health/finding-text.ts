/**
 * Findings in the UI's language: a finding carries a catalog key and values
 * (shared/health/render.ts writes the sentence); these bind that to the UI's
 * translator and formats, for the health panel and the editors' hints.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderHealthMessage, repairText } from '../../../../shared/health/render';
import type { HealthMessage, HealthRepair } from '../../../../shared/health/types';
import { NAMESPACES, type Translator } from '../../../../shared/i18n/translator';
import { i18n, uiFormat, useFormat } from '../../i18n/i18n';

/** Writes findings and repair buttons in the UI's language. */
export interface FindingWords {
  /** A finding's sentence: `words.message(finding.message)`. */
  message(message: HealthMessage): string;
  /** A repair button's words ("Remove the indicator"). */
  repair(repair: HealthRepair): string;
}

/** Findings' words in the UI's language; changes (and re-renders) with the language. */
export function useFindingWords(): FindingWords {
  const { i18n } = useTranslation('health');
  const format = useFormat();
  return useMemo(() => {
    const t = i18n.getFixedT(format.language, NAMESPACES) as Translator;
    return {
      message: (message) => renderHealthMessage(t, format, message),
      repair: (repair) => repairText(t, repair),
    };
  }, [i18n, format]);
}

/**
 * A finding's sentence in the UI's current language, for code outside
 * components or where a hook does not fit (a tooltip built in a loop);
 * components re-render through their own useTranslation when the language
 * changes.
 */
export function uiFindingText(message: HealthMessage): string {
  const format = uiFormat();
  const t = i18n.getFixedT(format.language, NAMESPACES) as Translator;
  return renderHealthMessage(t, format, message);
}
