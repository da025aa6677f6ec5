/**
 * The side panel beside the canvas: the narrative when nothing is selected,
 * the details of one element or link, or a summary of a multiple selection.
 */
import { formatCount } from '../../../../shared/words';
import { memo, useMemo, useState } from 'react';
import {
  addLinkAssumption,
  editLinkAssumption,
  removeLinkAssumption,
  setTocNarrative,
  updateTocElement,
  updateTocLink,
} from '../../../../shared/commands/toc';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import {
  EVIDENCE_LEVELS,
  HORIZON_LABELS,
  TOC_KINDS,
  kindLabel,
} from '../../../../shared/toc/kinds';
import { logicItemsTracingTo } from '../../../../shared/logic-model/trace';
import { goToSection } from '../../app/workbench';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { AssumptionStanding } from '../manage-reviews/AssumptionStanding';
import { useTocEditor } from './editor-state';

/** What is selected on the canvas. */
export interface TocSelection {
  nodes: string[];
  edges: string[];
}

interface InspectorProps {
  selection: TocSelection;
  onSelect: (selection: TocSelection) => void;
  onConnect: (fromId: string) => void;
  onDelete: () => void;
  onLayoutSelection: () => void;
}

function NarrativePanel() {
  const narrative = usePlan((p) => p.theoryOfChange.narrative);
  const nodeCount = usePlan((p) => p.theoryOfChange.nodes.length);
  const linkCount = usePlan((p) => p.theoryOfChange.links.length);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  return (
    <>
      <h2>Theory of change</h2>
      <p className="section-note">
        {formatCount(nodeCount)} elements, {formatCount(linkCount)} links. Select an element or a
        link to see its details.
      </p>
      <TextAreaField
        label="Narrative"
        hint="Tell the story of the pathway: why these interventions lead to these outcomes, and what must hold true."
        value={narrative}
        rows={12}
        onChange={(text) => dispatch(setTocNarrative({ text }))}
        onBlur={seal}
      />
      <h3 className="inspector-subheading">Legend</h3>
      <ul className="toc-legend">
        {TOC_KINDS.map((k) => (
          <li key={k.kind}>
            <span className={`toc-legend-swatch toc-kind-${k.kind}`} aria-hidden="true" />
            <span>
              <strong>{k.label}</strong> — {k.hint}
            </span>
          </li>
        ))}
        <li>
          <span className="toc-legend-line strong" aria-hidden="true" /> Strong evidence
        </li>
        <li>
          <span className="toc-legend-line weak" aria-hidden="true" /> Weak evidence (dashed)
        </li>
        <li>
          <span className="toc-legend-line none" aria-hidden="true" /> No evidence yet (dotted)
        </li>
      </ul>
    </>
  );
}

function LinkList(props: {
  title: string;
  links: TocLink[];
  nodeTitle: (id: string) => string;
  end: 'source' | 'target';
  onSelect: InspectorProps['onSelect'];
}) {
  if (props.links.length === 0) return null;
  return (
    <>
      <h3 className="inspector-subheading">{props.title}</h3>
      <ul className="inspector-links">
        {props.links.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className="link-button"
              aria-label={`Link ${props.nodeTitle(l.source) || 'Untitled'} → ${
                props.nodeTitle(l.target) || 'Untitled'
              }`}
              onClick={() => props.onSelect({ nodes: [], edges: [l.id] })}
            >
              {props.nodeTitle(l[props.end])}
            </button>
            {!l.rationale && <span className="inspector-warning"> · no rationale yet</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Logic-model items that operationalise this outcome, each a link to it. */
function TracedBy({ nodeId }: { nodeId: string }) {
  const plan = usePlan((p) => p);
  const items = logicItemsTracingTo(plan, nodeId);
  return (
    <>
      <h3 className="inspector-subheading">In the logic model</h3>
      {items.length === 0 ? (
        <p className="section-note">No logic-model item traces to this yet.</p>
      ) : (
        <ul className="inspector-links">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => goToSection('logicModel', item.id)}
              >
                {item.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NodePanel({ node, ...props }: InspectorProps & { node: TocNode }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const links = usePlan((p) => p.theoryOfChange.links);
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  // One pass over the graph per change of it, not per render: plans can
  // hold 100,000 elements and links.
  const { outgoing, incoming, titles } = useMemo(() => {
    const outgoing: TocLink[] = [];
    const incoming: TocLink[] = [];
    const ends = new Set<string>();
    for (const l of links) {
      if (l.source === node.id) {
        outgoing.push(l);
        ends.add(l.target);
      } else if (l.target === node.id) {
        incoming.push(l);
        ends.add(l.source);
      }
    }
    const titles = new Map<string, string>();
    if (ends.size) for (const n of nodes) if (ends.has(n.id)) titles.set(n.id, n.title);
    return { outgoing, incoming, titles };
  }, [links, nodes, node.id]);
  const titleOf = (id: string) => titles.get(id) ?? 'missing element';
  const update = (patch: Parameters<typeof updateTocElement>[0]['patch']) =>
    dispatch(updateTocElement({ id: node.id, patch }));
  return (
    <>
      <p className="inspector-kind">{kindLabel(node)}</p>
      <TextField
        label="Title"
        value={node.title}
        onChange={(title) => update({ title })}
        onBlur={seal}
      />
      <div className="grid grid-2 inspector-grid">
        <SelectField
          label="Kind"
          value={node.kind}
          options={TOC_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
          onChange={(kind) => update({ kind })}
        />
        {node.kind === 'outcome' && (
          <SelectField
            label="Horizon"
            value={node.horizon ?? 'short'}
            options={(['short', 'intermediate', 'long'] as const).map((h) => ({
              value: h,
              label: HORIZON_LABELS[h],
            }))}
            onChange={(horizon) => update({ horizon })}
          />
        )}
      </div>
      <TextAreaField
        label="Description"
        value={node.description}
        rows={4}
        onChange={(description) => update({ description })}
        onBlur={seal}
      />
      <div className="inspector-actions">
        <button type="button" onClick={() => props.onConnect(node.id)}>
          Link to…
        </button>
        <button type="button" className="danger-text" onClick={props.onDelete}>
          Delete element
        </button>
      </div>
      {(node.kind === 'outcome' || node.kind === 'impact') && (
        <>
          <IndicatorList subjectId={node.id} subjectTitle={node.title} headingLevel={3} />
          <TracedBy nodeId={node.id} />
        </>
      )}
      {node.kind === 'assumption' && <AssumptionStanding nodeId={node.id} />}
      <LinkList
        title="Contributes to"
        links={outgoing}
        end="target"
        nodeTitle={titleOf}
        onSelect={props.onSelect}
      />
      <LinkList
        title="Comes from"
        links={incoming}
        end="source"
        nodeTitle={titleOf}
        onSelect={props.onSelect}
      />
    </>
  );
}

function AssumptionList({ link }: { link: TocLink }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const [draft, setDraft] = useState('');
  return (
    <fieldset className="inspector-fieldset">
      <legend>Assumptions behind this link</legend>
      {link.assumptions.length === 0 && <p className="section-note">None recorded.</p>}
      <ol className="assumption-list">
        {link.assumptions.map((text, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={`Assumption ${i + 1}`}
              value={text}
              maxLength={500}
              onChange={(e) =>
                dispatch(editLinkAssumption({ id: link.id, index: i, text: e.target.value }))
              }
              onBlur={seal}
            />
            <button
              type="button"
              className="subtle"
              aria-label={`Remove assumption ${i + 1}`}
              onClick={() => dispatch(removeLinkAssumption({ id: link.id, index: i }))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <form
        className="assumption-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          dispatch(addLinkAssumption({ id: link.id, text: draft }));
          setDraft('');
        }}
      >
        <input
          type="text"
          aria-label="New assumption"
          placeholder="e.g. Employers accept online certificates"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Add</button>
      </form>
    </fieldset>
  );
}

function LinkPanel({ link, ...props }: InspectorProps & { link: TocLink }) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const from = nodes.find((n) => n.id === link.source);
  const to = nodes.find((n) => n.id === link.target);
  const update = (patch: Parameters<typeof updateTocLink>[0]['patch']) =>
    dispatch(updateTocLink({ id: link.id, patch }));
  return (
    <>
      <p className="inspector-kind">Causal link</p>
      <p className="inspector-link-ends">
        <button
          type="button"
          className="link-button"
          onClick={() => props.onSelect({ nodes: [link.source], edges: [] })}
        >
          {from?.title ?? 'missing'}
        </button>{' '}
        <span aria-hidden="true">→</span> <span className="visually-hidden">contributes to</span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => props.onSelect({ nodes: [link.target], edges: [] })}
        >
          {to?.title ?? 'missing'}
        </button>
      </p>
      <TextAreaField
        label="Rationale (because…)"
        value={link.rationale}
        rows={4}
        placeholder="Because…"
        onChange={(rationale) => update({ rationale })}
        onBlur={seal}
      />
      <SelectField
        label="Evidence"
        value={link.evidence}
        options={EVIDENCE_LEVELS}
        onChange={(evidence) => update({ evidence })}
      />
      <AssumptionList link={link} />
      <div className="inspector-actions">
        <button type="button" className="danger-text" onClick={props.onDelete}>
          Delete link
        </button>
      </div>
    </>
  );
}

/** The inspector panel (memoised: a drag on the canvas does not re-render it). */
export const TocInspector = memo(function TocInspector(props: InspectorProps) {
  const { selection } = props;
  const node = usePlan((p) =>
    selection.nodes.length === 1 && selection.edges.length === 0
      ? p.theoryOfChange.nodes.find((n) => n.id === selection.nodes[0])
      : undefined,
  );
  const link = usePlan((p) =>
    selection.edges.length === 1 && selection.nodes.length === 0
      ? p.theoryOfChange.links.find((l) => l.id === selection.edges[0])
      : undefined,
  );
  const count = selection.nodes.length + selection.edges.length;
  // The panel folds away to give the canvas the whole width (projectors).
  const open = useTocEditor((s) => s.inspectorOpen);
  const setOpen = useTocEditor((s) => s.setInspectorOpen);
  const toggle = (
    <button
      type="button"
      className="toc-inspector-toggle"
      aria-label="Details panel"
      aria-expanded={open}
      aria-controls="toc-inspector-content"
      title={open ? 'Hide the details panel' : 'Show the details panel'}
      onClick={() => setOpen(!open)}
    >
      <span aria-hidden="true">{open ? '»' : '«'}</span>
      {open ? 'Hide' : 'Details'}
    </button>
  );
  if (!open)
    return (
      <aside className="toc-inspector is-collapsed" aria-label="Details">
        {toggle}
      </aside>
    );
  return (
    <aside className="toc-inspector" aria-label="Details">
      <div className="toc-inspector-bar">{toggle}</div>
      <div className="toc-inspector-content" id="toc-inspector-content">
        {node ? (
          <NodePanel key={node.id} node={node} {...props} />
        ) : link ? (
          <LinkPanel key={link.id} link={link} {...props} />
        ) : count > 1 ? (
          <>
            <h2>{count} items selected</h2>
            <p className="section-note">
              {selection.nodes.length} elements and {selection.edges.length} links. Drag them
              together, move them with the arrow keys, or tidy them up.
            </p>
            <div className="inspector-actions">
              {selection.nodes.length > 1 && (
                <button type="button" onClick={props.onLayoutSelection}>
                  Lay out selection
                </button>
              )}
              <button type="button" className="danger-text" onClick={props.onDelete}>
                Delete selection
              </button>
            </div>
          </>
        ) : (
          <NarrativePanel />
        )}
      </div>
    </aside>
  );
});
