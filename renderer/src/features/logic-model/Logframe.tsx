/**
 * The logframe matrix: the same logic model as a table a funder expects —
 * one row per item, from impact down to inputs, with indicators (baseline →
 * target), means of verification and assumptions, all editable in place.
 */
import type { ReactNode } from 'react';
import {
  laneInfo,
  MEASURED_LANES,
  NOTE_LANES,
  type LaneId,
} from '../../../../shared/logic-model/lanes';
import { itemsInLane } from '../../../../shared/logic-model/operations';
import type { LogicItem, Plan } from '../../../../shared/plan/schema';
import { cutToLength } from '../../../../shared/text-length';
import { useSealHistory } from '../../store/plan-context';
import { IndicatorList } from '../indicators/IndicatorList';
import { escapeAttribute, itemTitle, type LogicActions } from './use-logic-actions';

/** Rows of the matrix, top to bottom (the reverse of the diagram's left to right). */
const LEVELS: readonly LaneId[] = [
  'longTermOutcome',
  'intermediateOutcome',
  'shortTermOutcome',
  'output',
  'activity',
  'input',
];

/** Focuses the title cell of a row once it has rendered. */
function focusRow(id: string) {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLTextAreaElement>(`[data-row-id="${escapeAttribute(id)}"] textarea`)
      ?.focus(),
  );
}

function Cell(props: {
  label: string;
  value: string;
  placeholder?: string;
  className?: string;
  onChange: (value: string) => void;
}) {
  const seal = useSealHistory();
  return (
    <textarea
      className={`lf-input ${props.className ?? ''}`}
      aria-label={props.label}
      value={props.value}
      placeholder={props.placeholder}
      rows={1}
      maxLength={props.className === 'lf-title' ? 500 : 20_000}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={seal}
    />
  );
}

function Row(props: {
  item: LogicItem;
  position: number;
  first: boolean;
  levelSize: number;
  lane: LaneId;
  selected: boolean;
  actions: LogicActions;
  onShowInDiagram: (id: string) => void;
  levelHeader: ReactNode;
}) {
  const { item, actions } = props;
  const where = `${laneInfo(props.lane).singular} ${props.position}`;
  return (
    <tr data-row-id={item.id} className={props.selected ? 'is-selected' : undefined}>
      {props.first && props.levelHeader}
      <td className="lf-description">
        <Cell
          label={`Title, ${where}`}
          className="lf-title"
          value={item.title}
          placeholder="Title"
          onChange={(v) =>
            actions.setText(item.id, 'title', cutToLength(v.replace(/\n/g, ' '), 500))
          }
        />
        <Cell
          label={`Description, ${where}`}
          value={item.description}
          placeholder="Add a description"
          onChange={(v) => actions.setText(item.id, 'description', v)}
        />
        <button
          type="button"
          className="link-button lf-show"
          aria-label={`Show “${itemTitle(item)}” in the diagram`}
          onClick={() => props.onShowInDiagram(item.id)}
        >
          Show in diagram
        </button>
      </td>
      <td className="lf-indicators">
        {MEASURED_LANES.has(item.lane) ? (
          <IndicatorList
            subjectId={item.id}
            subjectTitle={itemTitle(item)}
            tracedTo={item.tocOutcomeId}
            headingLevel={null}
          />
        ) : (
          <span className="lf-na">Not measured at this level</span>
        )}
      </td>
      <td>
        <Cell
          label={`Means of verification, ${where}`}
          value={item.meansOfVerification}
          placeholder="Source of evidence"
          onChange={(v) => actions.setText(item.id, 'meansOfVerification', cutToLength(v, 500))}
        />
      </td>
      <td>
        <Cell
          label={`Assumptions, ${where}`}
          value={item.assumptions}
          placeholder="What must hold"
          onChange={(v) => actions.setText(item.id, 'assumptions', v)}
        />
      </td>
    </tr>
  );
}

/** Props of the logframe. */
export interface LogframeProps {
  plan: Plan;
  selectedId: string | null;
  actions: LogicActions;
  onShowInDiagram: (id: string) => void;
}

/** The logframe matrix view. */
export function Logframe({ plan, selectedId, actions, onShowInDiagram }: LogframeProps) {
  const model = plan.logicModel;
  return (
    <div className="lf-wrap">
      <table className="logframe">
        <caption className="visually-hidden">Logframe matrix</caption>
        <colgroup>
          <col className="lf-col-level" />
          <col className="lf-col-description" />
          <col className="lf-col-indicators" />
          <col className="lf-col-mov" />
          <col className="lf-col-assumptions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Description</th>
            <th scope="col">Indicators (baseline → target)</th>
            <th scope="col">Means of verification</th>
            <th scope="col">Assumptions</th>
          </tr>
        </thead>
        {LEVELS.map((lane) => {
          const items = itemsInLane(model, lane);
          const info = laneInfo(lane);
          const header = (
            <th
              scope="rowgroup"
              rowSpan={Math.max(1, items.length)}
              className={`lf-level lf-level-${lane}`}
            >
              <span className="lf-level-name">{info.level}</span>
              <button
                type="button"
                className="lf-add"
                aria-label={`Add ${info.singular} to the logframe`}
                onClick={() => focusRow(actions.add(lane, ''))}
              >
                + Add
              </button>
            </th>
          );
          return (
            <tbody key={lane} className="lf-group">
              {items.length === 0 ? (
                <tr>
                  {header}
                  <td colSpan={4} className="lf-empty">
                    No {info.label.toLowerCase()} yet.
                  </td>
                </tr>
              ) : (
                items.map((item, index) => (
                  <Row
                    key={item.id}
                    item={item}
                    lane={lane}
                    position={index + 1}
                    first={index === 0}
                    levelSize={items.length}
                    selected={item.id === selectedId}
                    actions={actions}
                    onShowInDiagram={onShowInDiagram}
                    levelHeader={header}
                  />
                ))
              )}
            </tbody>
          );
        })}
      </table>
      <div className="lf-notes">
        {NOTE_LANES.map((lane) => {
          const items = itemsInLane(model, lane.id);
          return (
            <section key={lane.id} aria-labelledby={`lf-notes-${lane.id}`}>
              <h2 id={`lf-notes-${lane.id}`}>{lane.label} for the whole model</h2>
              {items.length === 0 ? (
                <p className="lf-na">None recorded.</p>
              ) : (
                <ul>
                  {items.map((i) => (
                    <li key={i.id}>{itemTitle(i)}</li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
