/** One element on the theory-of-change canvas. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { kindLabel } from '../../../../shared/toc/kinds';
import { useEditPlan } from '../../store/plan-context';
import { countNodeRender, useTocEditor } from './editor-state';
import type { TocFlowNode } from './flow-adapter';

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
  const edit = useEditPlan();
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
  // After Enter or Escape, keyboard users continue from the node itself.
  const stop = (refocus: boolean) => {
    stopRename();
    if (refocus) {
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
          ?.focus(),
      );
    }
  };
  const commit = (refocus = false) => {
    const next = value.trim();
    if (next && next !== title) {
      edit({ name: 'Rename element' }, (draft) => {
        const node = draft.theoryOfChange.nodes.find((n) => n.id === id);
        if (node) node.title = next.slice(0, 500);
      });
    }
    stop(refocus);
  };
  return (
    <textarea
      className="toc-rename nodrag nopan"
      aria-label="Element title"
      value={value}
      rows={2}
      ref={ref}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => commit()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          commit(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          stop(true);
        }
      }}
    />
  );
}

/** The canvas node component (memoised: only a changed node re-renders). */
export const TocNodeView = memo(function TocNodeView({
  id,
  data,
  selected,
}: NodeProps<TocFlowNode>) {
  countNodeRender(id);
  const { node } = data;
  const renaming = useTocEditor((s) => s.renamingId === id);
  const horizon = node.kind === 'outcome' ? ` toc-horizon-${node.horizon ?? 'short'}` : '';
  return (
    <div className={`toc-node toc-kind-${node.kind}${horizon}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Bottom} className="toc-handle" />
      <div className="toc-node-kind">
        <span className="toc-node-icon" aria-hidden="true">
          {KIND_ICON[node.kind]}
        </span>
        {kindLabel(node)}
      </div>
      {renaming ? (
        <RenameInput id={id} title={node.title} />
      ) : (
        <div className="toc-node-title">{node.title || 'Untitled'}</div>
      )}
      <Handle type="source" position={Position.Top} className="toc-handle" />
    </div>
  );
});
