/** One element on the theory-of-change canvas. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { assumptionStandings } from '../../../../shared/manage/reviews';
import { directionOf } from '../../../../shared/i18n/languages';
import { updateTocElement } from '../../../../shared/commands/toc';
import { i18n, uiLanguage } from '../../i18n/i18n';
import { useDispatch, usePlan } from '../../store/plan-context';
import { indicatorCounts } from '../indicators/indicator-counts';
import { StatusBadge } from '../manage-reviews/StatusBadge';
import { countNodeRender, useTocEditor } from './editor-state';
import type { TocFlowNode } from './flow-adapter';
import { tocKindLabel } from './labels';

const KIND_ICON: Record<string, string> = {
  impact: '★',
  outcome: '◎',
  precondition: '◇',
  intervention: '▶',
  assumption: '?',
  externalFactor: '!',
};

function RenameInput({ id, title }: { id: string; title: string }) {
  const [value, setValue] = useState(title);
  const ref = useRef<HTMLTextAreaElement>(null);
  const dispatch = useDispatch();
  // React Flow keeps a new node hidden until it is measured, and a hidden
  // field cannot take focus: try again on the next frames.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const input = ref.current;
      if (!input) return;
      input.focus();
      if (document.activeElement === input) input.select();
      else if (++tries < 30) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);
  const stopRename = useTocEditor((s) => s.stopRename);
  // Enter, Escape and the blur that moving focus away causes all end the
  // rename: only the first of them counts.
  const ended = useRef(false);
  const finish = (save: boolean, refocus: boolean) => {
    if (ended.current) return;
    ended.current = true;
    const next = value.trim();
    if (save && next && next !== title) {
      dispatch(updateTocElement({ id, patch: { title: next } }));
    }
    // After Enter or Escape, keyboard users continue from the node itself.
    // Focus moves there now, while the field still exists: were it moved a
    // frame later, focus would sit on the page body in between and a key
    // pressed right after Enter (L to link, say) would go nowhere.
    if (refocus) ref.current?.closest<HTMLElement>('.react-flow__node')?.focus();
    stopRename();
  };
  return (
    <textarea
      className="toc-rename nodrag nopan"
      dir="auto"
      aria-label={i18n.t('toc:node.rename')}
      value={value}
      rows={2}
      ref={ref}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true, false)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true, true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false, true);
        }
      }}
    />
  );
}

/**
 * Where a handle is, for React Flow to measure (it finds handles by these
 * classes and attributes), without React Flow's Handle component: each of
 * those subscribes to React Flow's store, and with thousands of nodes on
 * screen their selectors ran on every pointer move of a drag. Used when
 * zoomed far out, where handles are hidden and too small to grab anyway.
 */
function HandleMark({ nodeId, type }: { nodeId: string; type: 'source' | 'target' }) {
  const position = type === 'source' ? 'top' : 'bottom';
  return (
    <div
      className={`react-flow__handle react-flow__handle-${position} ${type} toc-handle`}
      data-nodeid={nodeId}
      data-handlepos={position}
    />
  );
}

/**
 * The canvas node component (memoised: only a changed node re-renders). Its
 * words come from the UI instance without subscribing to it: thousands of
 * nodes each listening for a language change would cost on every mount, and
 * a new language names every node again (syncFlowNodes), which re-renders it.
 * The canvas itself stays left to right; the node's text follows the language.
 */
export const TocNodeView = memo(function TocNodeView({
  id,
  data,
  selected,
}: NodeProps<TocFlowNode>) {
  countNodeRender(id);
  const { node } = data;
  const renaming = useTocEditor((s) => s.renamingId === id);
  const far = useTocEditor((s) => s.far);
  // One framework: the indicators listing this element (shared ones included).
  const indicators = usePlan((p) => indicatorCounts(p.indicators).get(id) ?? 0);
  // An assumption's status at the latest review (a map built once per reviews list).
  const status = usePlan((p) =>
    node.kind === 'assumption'
      ? (assumptionStandings(p.manage.reviews).get(id)?.status ?? null)
      : null,
  );
  const horizon = node.kind === 'outcome' ? ` toc-horizon-${node.horizon ?? 'short'}` : '';
  return (
    <div
      className={`toc-node toc-kind-${node.kind}${horizon}${selected ? ' is-selected' : ''}`}
      dir={directionOf(uiLanguage())}
    >
      {far ? (
        <HandleMark nodeId={id} type="target" />
      ) : (
        <Handle type="target" position={Position.Bottom} className="toc-handle" />
      )}
      <div className="toc-node-kind">
        <span className="toc-node-icon" aria-hidden="true">
          {KIND_ICON[node.kind]}
        </span>
        {tocKindLabel(node)}
        {indicators > 0 && !far && (
          <span className="toc-node-indicators">
            {i18n.t('indicators:count', { count: indicators })}
          </span>
        )}
        {status && !far && <StatusBadge status={status} hidden />}
      </div>
      {renaming ? (
        <RenameInput id={id} title={node.title} />
      ) : (
        <div className="toc-node-title" dir="auto">
          {node.title || i18n.t('toc:untitled')}
        </div>
      )}
      {far ? (
        <HandleMark nodeId={id} type="source" />
      ) : (
        <Handle type="source" position={Position.Top} className="toc-handle" />
      )}
    </div>
  );
});
