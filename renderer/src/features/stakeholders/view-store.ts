/**
 * View state of the stakeholder section: selection, filters, colouring, the
 * snapshot being compared and the live drag. None of it is part of the plan,
 * so none of it is undoable or saved; selection changes never touch history.
 */
import { create } from 'zustand';
import type { Category } from '../../../../shared/stakeholders/register';
import type { MatrixPoint } from '../../../../shared/stakeholders/quadrants';
import type { SortDirection, SortKey } from '../../../../shared/stakeholders/register';

/** Tabs of the section. */
export type StakeholderTab = 'matrix' | 'register' | 'engagement' | 'questions';

/** What the cards are coloured by. */
export type ColourBy = 'stance' | 'category';

/** View state of the stakeholder section. */
export interface StakeholderViewState {
  planId: string | null;
  tab: StakeholderTab;
  selectedId: string | null;
  hiddenCategories: Category[];
  search: string;
  colourBy: ColourBy;
  showDesired: boolean;
  /** Snapshot the movement arrows start from, if any. */
  compareSnapshotId: string | null;
  /** Snapshot the movement arrows end at; null = the positions now. */
  compareToSnapshotId: string | null;
  workshop: boolean;
  sort: { key: SortKey; direction: SortDirection } | null;
  /** Register rows whose full details are open. */
  expanded: string[];
  /** Position of the card being dragged, before it is committed on release. */
  liveDrag: (MatrixPoint & { id: string }) | null;
  /** Text for the screen-reader live region ("Moved X to …"). */
  announcement: string;
}

const initial = (planId: string | null): StakeholderViewState => ({
  planId,
  tab: 'matrix',
  selectedId: null,
  hiddenCategories: [],
  search: '',
  colourBy: 'stance',
  showDesired: false,
  compareSnapshotId: null,
  compareToSnapshotId: null,
  workshop: false,
  sort: null,
  expanded: [],
  liveDrag: null,
  announcement: '',
});

/** The section's view store (one per app; reset when another plan opens). */
export const useStakeholderView = create<StakeholderViewState>()(() => initial(null));

/** Resets the view when a different plan is shown. */
export function resetViewFor(planId: string): void {
  if (useStakeholderView.getState().planId !== planId) useStakeholderView.setState(initial(planId));
}

/** Updates part of the view state. */
export function setView(patch: Partial<StakeholderViewState>): void {
  useStakeholderView.setState(patch);
}

/** Selects a stakeholder (or none). */
export function select(id: string | null): void {
  if (useStakeholderView.getState().selectedId !== id)
    useStakeholderView.setState({ selectedId: id });
}

/** Shows or hides one category on the matrix and in the register. */
export function toggleCategory(category: Category): void {
  const hidden = useStakeholderView.getState().hiddenCategories;
  useStakeholderView.setState({
    hiddenCategories: hidden.includes(category)
      ? hidden.filter((c) => c !== category)
      : [...hidden, category],
  });
}

/** Opens or closes a register row's details. */
export function toggleExpanded(id: string, open?: boolean): void {
  const expanded = useStakeholderView.getState().expanded;
  const isOpen = expanded.includes(id);
  const want = open ?? !isOpen;
  if (want === isOpen) return;
  useStakeholderView.setState({
    expanded: want ? [...expanded, id] : expanded.filter((x) => x !== id),
  });
}

/** Says something to screen-reader users through the section's live region. */
export function announce(message: string): void {
  useStakeholderView.setState({ announcement: message });
}
