/**
 * Commands of the onboarding checklist (Launch): add a custom item, edit an
 * item's label, status, owner, due date, notes and partners involved,
 * delete, reorder. Due dates relative to the launch are stored as offsets
 * from the timeline's launch start, so moving the launch start
 * (`objective.setPhaseDate`) moves them with nothing to cascade, and undoing
 * that one step puts them back.
 */
import { newId } from '../plan/create';
import type { ChecklistItem, LaunchDate } from '../plan/schema';
import { defineListCommands } from './lists';

/** A custom checklist item the planner adds: not started, due on launch day unless said otherwise. */
export function blankChecklistItem(
  label = '',
  due: LaunchDate | null = { anchor: 'launch', offsetDays: 0 },
  id = newId('lc'),
): ChecklistItem {
  return {
    id,
    label,
    step: null,
    status: 'notStarted',
    owner: '',
    due,
    notes: '',
    partnerIds: [],
  };
}

/** Commands of the checklist items. */
export const checklistItems = defineListCommands<ChecklistItem>({
  kind: 'checklistItem',
  section: 'onboarding',
  list: (plan) => plan.launch.checklist,
  titleOf: (item) => item.label,
  fields: {
    label: 'wording',
    status: 'status',
    owner: 'owner',
    due: 'dueDate',
    notes: 'notes',
    partnerIds: 'partnersInvolved',
  },
});
