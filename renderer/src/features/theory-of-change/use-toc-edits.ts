/**
 * The theory-of-change edits both views make (the canvas and the outline of
 * a plan too large for it): linking two elements and deleting a selection.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { quoted } from '../../../../shared/commands/command';
import { connectTocElements, deleteTocSelection } from '../../../../shared/commands/toc';
import { newId } from '../../../../shared/plan/create';
import { linkProblemCode } from '../../../../shared/toc/operations';
import { notify, notifyUndoable } from '../../app/workbench';
import { useDispatch, usePlanStore } from '../../store/plan-context';
import { tocLinkProblemText } from './labels';

/** Edits shared by the canvas and the outline. */
export function useTocEdits() {
  const { t } = useTranslation('toc');
  const dispatch = useDispatch();
  const store = usePlanStore();

  /** Links `source → target`; returns the new link's id, or null (the reason is shown). */
  const link = useCallback(
    (source: string, target: string): string | null => {
      // Why not, in the UI's language (the command's refusal says the same in English).
      const problem = linkProblemCode(store.getState().history.present, source, target);
      if (problem) {
        notify(tocLinkProblemText(problem));
        return null;
      }
      const id = newId('link');
      const result = dispatch(connectTocElements({ id, source, target }));
      if (!result.ok) {
        notify(result.reason);
        return null;
      }
      return id;
    },
    [dispatch, store],
  );

  /** Deletes elements (with everything that pointed at them) and links, as one step. */
  const remove = useCallback(
    (nodeIds: string[], edgeIds: string[]) => {
      if (nodeIds.length + edgeIds.length === 0) return;
      const title =
        nodeIds.length === 1
          ? store.getState().history.present.theoryOfChange.nodes.find((n) => n.id === nodeIds[0])
              ?.title
          : undefined;
      const result = dispatch(deleteTocSelection({ nodeIds, linkIds: edgeIds }));
      if (result.ok && nodeIds.length > 0) {
        notifyUndoable(
          nodeIds.length === 1
            ? quoted(title)
              ? t('canvas.deletedOne', { title: quoted(title) })
              : t('canvas.deletedTheElement')
            : t('canvas.deletedMany', { count: nodeIds.length }),
          result.stepId,
        );
      }
    },
    [dispatch, store, t],
  );

  return { link, remove };
}
