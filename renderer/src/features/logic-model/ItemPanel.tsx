/**
 * Details of the selected logic-model item: title, lane, description, the
 * theory-of-change outcome it traces to, indicators, means of verification,
 * assumptions, its arrows, and the keyboard-free ways to move or delete it.
 */
import { useId, useMemo } from 'react';
import {
  ALL_LANES,
  CHAIN_LANES,
  isChainLane,
  laneInfo,
  MEASURED_LANES,
  OUTCOME_LANES,
} from '../../../../shared/logic-model/lanes';
import { itemsInLane, linkProblem } from '../../../../shared/logic-model/operations';
import { isTraceableTocNode, traceableTocNodes } from '../../../../shared/logic-model/trace';
import type { LogicItem, Plan, TocNode } from '../../../../shared/plan/schema';
import { cutToLength } from '../../../../shared/text-length';
import { PLAN_SECTIONS } from '../../app/routes';
import { goToSection } from '../../app/workbench';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { focusCard, itemTitle, type LogicActions } from './use-logic-actions';

const tocAvailable = PLAN_SECTIONS.some((s) => s.id === 'theoryOfChange');

const TOC_GROUPS = [
  { label: 'Long-term goal (impact)', test: (n: TocNode) => n.kind === 'impact' },
  { label: 'Long-term outcomes', test: (n: TocNode) => n.horizon === 'long' },
  { label: 'Intermediate outcomes', test: (n: TocNode) => n.horizon === 'intermediate' },
  { label: 'Short-term outcomes', test: (n: TocNode) => n.horizon === 'short' },
  { label: 'Other outcomes', test: (n: TocNode) => n.kind === 'outcome' && !n.horizon },
] as const;

/** The select that links an outcome to the theory of change, grouped by horizon. */
function TocOutcomeSelect({
  item,
  plan,
  actions,
}: {
  item: LogicItem;
  plan: Plan;
  actions: LogicActions;
}) {
  const id = useId();
  const nodes = useMemo(() => traceableTocNodes(plan), [plan]);
  const current = item.tocOutcomeId
    ? plan.theoryOfChange.nodes.find((n) => n.id === item.tocOutcomeId)
    : undefined;
  const broken = item.tocOutcomeId !== null && (!current || !isTraceableTocNode(current));
  return (
    <div className="field lm-trace">
      <label htmlFor={id}>Theory-of-change outcome</label>
      <select
        id={id}
        value={item.tocOutcomeId ?? ''}
        onChange={(e) => actions.trace(item.id, e.target.value || null)}
        aria-describedby={`${id}-hint`}
      >
        <option value="">Not linked</option>
        {broken && (
          <option value={item.tocOutcomeId!}>
            {current ? `${current.title} (not an outcome)` : 'A deleted outcome'}
          </option>
        )}
        {TOC_GROUPS.map((group) => {
          const options = nodes.filter(group.test);
          if (options.length === 0) return null;
          return (
            <optgroup key={group.label} label={group.label}>
              {options.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title.trim() || 'Untitled outcome'}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {nodes.length === 0
          ? 'The theory of change has no outcomes yet.'
          : 'The outcome in the theory of change that this item puts into practice.'}
      </p>
      {item.tocOutcomeId && current && tocAvailable && (
        <button
          type="button"
          className="lm-trace-go"
          onClick={() => goToSection('theoryOfChange', item.tocOutcomeId!)}
        >
          Show in theory of change →
        </button>
      )}
    </div>
  );
}

function LinkList(props: {
  heading: string;
  links: { linkId: string; other: LogicItem }[];
  direction: 'to' | 'from';
  onSelect: (id: string) => void;
  actions: LogicActions;
}) {
  const headingId = useId();
  return (
    <div className="lm-links">
      <h3 id={headingId}>{props.heading}</h3>
      {props.links.length === 0 ? (
        <p className="lm-panel-empty">None.</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {props.links.map(({ linkId, other }) => (
            <li key={linkId}>
              <button
                type="button"
                className="link-button lm-link-target"
                onClick={() => {
                  props.onSelect(other.id);
                  focusCard(other.id);
                }}
              >
                <span className="lm-link-lane">{laneInfo(other.lane).singular}</span>
                {itemTitle(other)}
              </button>
              <button
                type="button"
                className="subtle lm-icon-button"
                aria-label={`Remove arrow ${props.direction} “${itemTitle(other)}”`}
                title="Remove this arrow"
                onClick={() => props.actions.unlink(linkId)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Props of the item panel. */
export interface ItemPanelProps {
  item: LogicItem;
  plan: Plan;
  actions: LogicActions;
  onSelect: (id: string | null) => void;
  onConnectFrom: (id: string) => void;
}

/** The side panel for the selected item. */
export function ItemPanel({ item, plan, actions, onSelect, onConnectFrom }: ItemPanelProps) {
  const seal = useSealHistory();
  const lane = laneInfo(item.lane);
  const title = itemTitle(item);
  const model = plan.logicModel;
  const byId = useMemo(() => new Map(model.items.map((i) => [i.id, i])), [model.items]);
  const outgoing = model.links
    .filter((l) => l.source === item.id && byId.has(l.target))
    .map((l) => ({ linkId: l.id, other: byId.get(l.target)! }));
  const incoming = model.links
    .filter((l) => l.target === item.id && byId.has(l.source))
    .map((l) => ({ linkId: l.id, other: byId.get(l.source)! }));
  const siblings = itemsInLane(model, item.lane);
  const index = siblings.findIndex((i) => i.id === item.id);
  const linkTargetId = useId();
  const chain = isChainLane(item.lane);

  return (
    <aside className="lm-panel" aria-label={`Details of ${lane.singular} “${title}”`}>
      <header className="lm-panel-head">
        <span className={`lm-lane-tag lm-lane-tag-${item.lane}`}>{lane.singular}</span>
        <button
          type="button"
          className="subtle lm-icon-button"
          aria-label="Close details"
          title="Close details"
          onClick={() => {
            onSelect(null);
            focusCard(item.id);
          }}
        >
          ×
        </button>
      </header>
      <div className="lm-panel-body">
        <TextAreaField
          label="Title"
          value={item.title}
          rows={2}
          onChange={(v) =>
            actions.setText(item.id, 'title', cutToLength(v.replace(/\n/g, ' '), 500))
          }
          onBlur={seal}
        />
        <div className="lm-panel-row">
          <SelectField
            label="Lane"
            value={item.lane}
            options={ALL_LANES.map((l) => ({ value: l.id, label: l.label }))}
            onChange={(v) => {
              actions.moveTo(item.id, v);
              focusCard(item.id);
            }}
          />
          <div className="lm-order" role="group" aria-label="Order in lane">
            <button
              type="button"
              disabled={index <= 0}
              aria-label="Move up in lane"
              title="Move up (Alt+↑)"
              onClick={() => actions.reorder(item.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={index < 0 || index >= siblings.length - 1}
              aria-label="Move down in lane"
              title="Move down (Alt+↓)"
              onClick={() => actions.reorder(item.id, 1)}
            >
              ↓
            </button>
          </div>
        </div>
        <TextAreaField
          label="Description"
          value={item.description}
          rows={3}
          onChange={(v) => actions.setText(item.id, 'description', v)}
          onBlur={seal}
        />
        {OUTCOME_LANES.has(item.lane) && (
          <TocOutcomeSelect item={item} plan={plan} actions={actions} />
        )}
        {MEASURED_LANES.has(item.lane) && (
          <div className="lm-panel-block">
            <IndicatorList
              subjectId={item.id}
              subjectTitle={title}
              tracedTo={item.tocOutcomeId}
              headingLevel={3}
            />
          </div>
        )}
        {chain && (
          <>
            <TextField
              label="Means of verification"
              value={item.meansOfVerification}
              placeholder="Where the evidence comes from"
              onChange={(v) => actions.setText(item.id, 'meansOfVerification', v)}
              onBlur={seal}
            />
            <TextAreaField
              label="Assumptions"
              value={item.assumptions}
              rows={2}
              placeholder="What must hold for this step to lead to the next"
              onChange={(v) => actions.setText(item.id, 'assumptions', v)}
              onBlur={seal}
            />
            <div className="lm-panel-block">
              <LinkList
                heading="Leads to"
                direction="to"
                links={outgoing}
                onSelect={onSelect}
                actions={actions}
              />
              <div className="field">
                <label htmlFor={linkTargetId}>Add an arrow to…</label>
                <div className="lm-link-add">
                  <select
                    id={linkTargetId}
                    value=""
                    onChange={(e) => {
                      if (e.target.value) actions.link(item.id, e.target.value);
                    }}
                  >
                    <option value="">Choose an item…</option>
                    {CHAIN_LANES.map((l) => {
                      const options = itemsInLane(model, l.id).filter(
                        (o) => linkProblem(model, item.id, o.id) === null,
                      );
                      if (options.length === 0) return null;
                      return (
                        <optgroup key={l.id} label={l.label}>
                          {options.map((o) => (
                            <option key={o.id} value={o.id}>
                              {itemTitle(o)}
                            </option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                  <button
                    type="button"
                    title="Pick the target on the diagram"
                    aria-label="Pick the target on the diagram"
                    onClick={() => onConnectFrom(item.id)}
                  >
                    Pick…
                  </button>
                </div>
              </div>
              <LinkList
                heading="Comes from"
                direction="from"
                links={incoming}
                onSelect={onSelect}
                actions={actions}
              />
            </div>
          </>
        )}
        <div className="lm-panel-danger">
          <button
            type="button"
            className="subtle danger-text"
            onClick={() => {
              const next = siblings[index + 1] ?? siblings[index - 1];
              actions.remove(item.id);
              onSelect(next?.id ?? null);
              if (next) focusCard(next.id);
            }}
          >
            Delete {lane.singular}
          </button>
        </div>
      </div>
    </aside>
  );
}
