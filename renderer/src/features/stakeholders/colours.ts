/**
 * Card colours by stance or by category. Okabe–Ito hues, which stay
 * distinguishable for the common forms of colour blindness and on washed-out
 * projectors; every colour also has a text label (legend, card subline).
 */
import type { Stakeholder } from '../../../../shared/plan/schema';
import { categoryOf, type Category } from '../../../../shared/stakeholders/register';
import type { ColourBy } from './view-store';

/** Colour per stance. */
export const STANCE_COLOURS: Readonly<Record<Stakeholder['currentStance'], string>> = {
  unaware: '#7b8494',
  resistant: '#d55e00',
  neutral: '#e69f00',
  supportive: '#009e73',
  leading: '#0072b2',
};

/** Colour per category (stakeholder or partner type). */
export const CATEGORY_COLOURS: Readonly<Record<Category, string>> = {
  stakeholder: '#475569',
  programTechnology: '#0072b2',
  outreach: '#cc79a7',
  wraparound: '#009e73',
  other: '#e69f00',
};

/** The colour of an entry's card. */
export function colourOf(
  entry: Pick<Stakeholder, 'currentStance' | 'relation' | 'partnerType'>,
  by: ColourBy,
): string {
  return by === 'stance'
    ? STANCE_COLOURS[entry.currentStance]
    : CATEGORY_COLOURS[categoryOf(entry)];
}
