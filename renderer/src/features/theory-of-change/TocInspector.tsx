/**
 * The side panel beside the canvas: the narrative when nothing is selected,
 * the details of one element or link, or a summary of a multiple selection.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addLinkAssumption,
  editLinkAssumption,
  removeLinkAssumption,
  setTocNarrative,
  updateTocElement,
  updateTocLink,
} from '../../../../shared/commands/toc';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import { EVIDENCE_LEVELS, TOC_KINDS } from '../../../../shared/toc/kinds';
import { logicItemsTracingTo } from '../../../../shared/logic-model/trace';
import { goToSection } from '../../app/workbench';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { AssumptionStanding } from '../manage-reviews/AssumptionStanding';
import { useTocEditor } from './editor-state';
import { tocKindLabel } from './labels';

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
  const { t } = useTranslation('toc');
  const narrative = usePlan((p) => p.theoryOfChange.narrative);
  const nodeCount = usePlan((p) => p.theoryOfChange.nodes.length);
  const linkCount = usePlan((p) => p.theoryOfChange.links.length);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  return (
    <>
      <h2>{t('title')}</h2>
      <p className="section-note">
        {t('inspector.counts', { nodes: nodeCount, links: linkCount })}
      </p>
      <TextAreaField
        label={t('inspector.narrative')}
        hint={t('inspector.narrativeHint')}
        value={narrative}
        rows={12}
        onChange={(text) => dispatch(setTocNarrative({ text }))}
        onBlur={seal}
      />
      <h3 className="inspector-subheading">{t('inspector.legend')}</h3>
      <ul className="toc-legend">
        {TOC_KINDS.map(({ kind }) => (
          <li key={kind}>
            <span className={`toc-legend-swatch toc-kind-${kind}`} aria-hidden="true" />
            <span>
              <strong>{t(`kinds.${kind}`)}</strong> — {t(`kindHints.${kind}`)}
            </span>
          </li>
        ))}
        <li>
          <span className="toc-legend-line strong" aria-hidden="true" />{' '}
          {t('inspector.legendStrong')}
        </li>
        <li>
          <span className="toc-legend-line weak" aria-hidden="true" /> {t('inspector.legendWeak')}
        </li>
        <li>
          <span className="toc-legend-line none" aria-hidden="true" /> {t('inspector.legendNone')}
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
  const { t } = useTranslation('toc');
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
              aria-label={t('inspector.linkLabel', {
                from: props.nodeTitle(l.source) || t('untitled'),
                to: props.nodeTitle(l.target) || t('untitled'),
              })}
              onClick={() => props.onSelect({ nodes: [], edges: [l.id] })}
            >
              <bdi>{props.nodeTitle(l[props.end])}</bdi>
            </button>
            {!l.rationale && (
              <span className="inspector-warning">{t('inspector.noRationale')}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Logic-model items that operationalise this outcome, each a link to it. */
function TracedBy({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('toc');
  const plan = usePlan((p) => p);
  const items = logicItemsTracingTo(plan, nodeId);
  return (
    <>
      <h3 className="inspector-subheading">{t('inspector.inLogicModel')}</h3>
      {items.length === 0 ? (
        <p className="section-note">{t('inspector.noTrace')}</p>
      ) : (
        <ul className="inspector-links">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => goToSection('logicModel', item.id)}
              >
                <bdi>{item.title}</bdi>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NodePanel({ node, ...props }: InspectorProps & { node: TocNode }) {
  const { t } = useTranslation('toc');
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
  const titleOf = (id: string) => titles.get(id) ?? t('missingElement');
  const update = (patch: Parameters<typeof updateTocElement>[0]['patch']) =>
    dispatch(updateTocElement({ id: node.id, patch }));
  return (
    <>
      <p className="inspector-kind">{tocKindLabel(node)}</p>
      <TextField
        label={t('inspector.titleField')}
        value={node.title}
        onChange={(title) => update({ title })}
        onBlur={seal}
      />
      <div className="grid grid-2 inspector-grid">
        <SelectField
          label={t('inspector.kind')}
          value={node.kind}
          options={TOC_KINDS.map(({ kind }) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          onChange={(kind) => update({ kind })}
        />
        {node.kind === 'outcome' && (
          <SelectField
            label={t('inspector.horizon')}
            value={node.horizon ?? 'short'}
            options={(['short', 'intermediate', 'long'] as const).map((h) => ({
              value: h,
              label: t(`horizons.${h}`),
            }))}
            onChange={(horizon) => update({ horizon })}
          />
        )}
      </div>
      <TextAreaField
        label={t('inspector.description')}
        value={node.description}
        rows={4}
        onChange={(description) => update({ description })}
        onBlur={seal}
      />
      <div className="inspector-actions">
        <button type="button" onClick={() => props.onConnect(node.id)}>
          {t('inspector.linkTo')}
        </button>
        <button type="button" className="danger-text" onClick={props.onDelete}>
          {t('inspector.deleteElement')}
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
        title={t('inspector.contributesTo')}
        links={outgoing}
        end="target"
        nodeTitle={titleOf}
        onSelect={props.onSelect}
      />
      <LinkList
        title={t('inspector.comesFrom')}
        links={incoming}
        end="source"
        nodeTitle={titleOf}
        onSelect={props.onSelect}
      />
    </>
  );
}

function AssumptionList({ link }: { link: TocLink }) {
  const { t } = useTranslation('toc');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const [draft, setDraft] = useState('');
  return (
    <fieldset className="inspector-fieldset">
      <legend>{t('inspector.assumptions')}</legend>
      {link.assumptions.length === 0 && (
        <p className="section-note">{t('inspector.noneRecorded')}</p>
      )}
      <ol className="assumption-list">
        {link.assumptions.map((text, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={t('inspector.assumption', { number: i + 1 })}
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
              aria-label={t('inspector.removeAssumption', { number: i + 1 })}
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
          aria-label={t('inspector.newAssumption')}
          placeholder={t('inspector.assumptionPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('inspector.add')}</button>
      </form>
    </fieldset>
  );
}

function LinkPanel({ link, ...props }: InspectorProps & { link: TocLink }) {
  const { t } = useTranslation('toc');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const from = nodes.find((n) => n.id === link.source);
  const to = nodes.find((n) => n.id === link.target);
  const update = (patch: Parameters<typeof updateTocLink>[0]['patch']) =>
    dispatch(updateTocLink({ id: link.id, patch }));
  return (
    <>
      <p className="inspector-kind">{t('inspector.causalLink')}</p>
      <p className="inspector-link-ends">
        <button
          type="button"
          className="link-button"
          onClick={() => props.onSelect({ nodes: [link.source], edges: [] })}
        >
          <bdi>{from?.title ?? t('missing')}</bdi>
        </button>{' '}
        <span aria-hidden="true">{t('inspector.arrow')}</span>{' '}
        <span className="visually-hidden">{t('inspector.contributesToHidden')}</span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => props.onSelect({ nodes: [link.target], edges: [] })}
        >
          <bdi>{to?.title ?? t('missing')}</bdi>
        </button>
      </p>
      <TextAreaField
        label={t('inspector.rationale')}
        value={link.rationale}
        rows={4}
        placeholder={t('inspector.rationalePlaceholder')}
        onChange={(rationale) => update({ rationale })}
        onBlur={seal}
      />
      <SelectField
        label={t('inspector.evidence')}
        value={link.evidence}
        options={EVIDENCE_LEVELS.map(({ value }) => ({ value, label: t(`evidence.${value}`) }))}
        onChange={(evidence) => update({ evidence })}
      />
      <AssumptionList link={link} />
      <div className="inspector-actions">
        <button type="button" className="danger-text" onClick={props.onDelete}>
          {t('inspector.deleteLink')}
        </button>
      </div>
    </>
  );
}

/** The inspector panel (memoised: a drag on the canvas does not re-render it). */
export const TocInspector = memo(function TocInspector(props: InspectorProps) {
  const { t } = useTranslation('toc');
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
      aria-label={t('inspector.toggle')}
      aria-expanded={open}
      aria-controls="toc-inspector-content"
      title={open ? t('inspector.hideTitle') : t('inspector.showTitle')}
      onClick={() => setOpen(!open)}
    >
      <span aria-hidden="true">{open ? t('inspector.hideArrow') : t('inspector.showArrow')}</span>
      {open ? t('inspector.hide') : t('inspector.show')}
    </button>
  );
  if (!open)
    return (
      <aside className="toc-inspector is-collapsed" aria-label={t('inspector.label')}>
        {toggle}
      </aside>
    );
  return (
    <aside className="toc-inspector" aria-label={t('inspector.label')}>
      <div className="toc-inspector-bar">{toggle}</div>
      <div className="toc-inspector-content" id="toc-inspector-content">
        {node ? (
          <NodePanel key={node.id} node={node} {...props} />
        ) : link ? (
          <LinkPanel key={link.id} link={link} {...props} />
        ) : count > 1 ? (
          <>
            <h2>{t('inspector.selected', { count })}</h2>
            <p className="section-note">
              {t('inspector.selectedNote', {
                nodes: selection.nodes.length,
                links: selection.edges.length,
              })}
            </p>
            <div className="inspector-actions">
              {selection.nodes.length > 1 && (
                <button type="button" onClick={props.onLayoutSelection}>
                  {t('inspector.layoutSelection')}
                </button>
              )}
              <button type="button" className="danger-text" onClick={props.onDelete}>
                {t('inspector.deleteSelection')}
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
