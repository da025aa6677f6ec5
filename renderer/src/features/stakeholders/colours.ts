/**
 * Card colours by stance or by category. Okabe–Ito hues, which stay
 * distinguishable for the common forms of colour blindness and on washed-out
 * projectors; every colour also has a text label (legend, card subline).
 * Each is a theme token (theme/themes.css), so dark and high-contrast themes
 * use lighter variants that keep ≥ 3:1 against their surfaces.
 */
import type { Stakeholder } from '../../../../shared/plan/schema';
import { categoryOf, type Category } from '../../../../shared/stakeholders/register';
import type { ColourBy } from './view-store';

/** Colour per stance. */
export const STANCE_COLOURS: Readonly<Record<Stakeholder['currentStance'], string>> = {
  unaware: 'var(--sh-stance-unaware)',
  resistant: 'var(--sh-stance-resistant)',
  neutral: 'var(--sh-stance-neutral)',
  supportive: 'var(--sh-stance-supportive)',
  leading: 'var(--sh-stance-leading)',
};

/** Colour per category (stakeholder or partner type). */
export const CATEGORY_COLOURS: Readonly<Record<Category, string>> = {
  stakeholder: 'var(--sh-type-stakeholder)',
  programTechnology: 'var(--sh-type-program)',
  outreach: 'var(--sh-type-outreach)',
  wraparound: 'var(--sh-type-wraparound)',
  other: 'var(--sh-type-other)',
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
