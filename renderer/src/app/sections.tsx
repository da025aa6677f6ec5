/** The component that edits each plan section (see PLAN_SECTIONS in routes.ts). */
import type { JSX } from 'react';
import { ObjectiveSection } from '../features/objective/ObjectiveSection';
import type { SectionId } from './routes';

/** Section id → editor component. */
export const SECTION_COMPONENTS: Record<SectionId, () => JSX.Element> = {
  objective: ObjectiveSection,
};
