/**
 * The theory-of-change edits both views make (the canvas and the outline of
 * a plan too large for it): linking two elements and deleting a selection.
 */
import { useCallback } from 'react';
import { connectTocNodes, linkProblem, removeTocElements } from '../../../../shared/toc/operations';
import { notify } from '../../app/workbench';
import { useEditPlan, usePlanStore } from '../../store/plan-context';

/** Edits shared by the canvas and the outline. */
export function useTocEdits() {
  const store = usePlanStore();
  const edit = useEditPlan();

  /** Links `source → target`; returns the new link's id, or null (the reason is shown). */
  const link = useCallback(
    (source: string, target: string): string | null => {
      const problem = linkProblem(store.getState().history.present, source, target);
      if (problem) {
        notify(problem);
        return null;
      }
      let linkId = '';
      edit({ name: 'Link elements' }, (d) => {
        const result = connectTocNodes(d, source, target);
        if ('link' in result) linkId = result.link.id;
      });
      return linkId || null;
    },
    [edit, store],
  );

  /** Deletes elements (with everything that pointed at them) and links, as one step. */
  const remove = useCallback(
    (nodeIds: string[], edgeIds: string[]) => {
      if (nodeIds.length + edgeIds.length === 0) return;
      edit({ name: nodeIds.length ? 'Delete elements' : 'Delete links' }, (d) =>
        removeTocElements(d, nodeIds, edgeIds),
      );
    },
    [edit],
  );

  return { link, remove };
}
