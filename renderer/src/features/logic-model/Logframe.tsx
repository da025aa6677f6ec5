/**
 * The logframe matrix: the same logic model as a table a funder expects —
 * one row per item, from impact down to inputs, with indicators (baseline →
 * target), means of verification and assumptions, all editable in place.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURED_LANES, NOTE_LANES, type LaneId } from '../../../../shared/logic-model/lanes';
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
      dir="auto"
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
  const { t } = useTranslation('logicModel');
  const { item, actions } = props;
  const where = { item: t(`lanes.${props.lane}.singular`), position: props.position };
  return (
    <tr data-row-id={item.id} className={props.selected ? 'is-selected' : undefined}>
      {props.first && props.levelHeader}
      <td className="lf-description">
        <Cell
          label={t('logframe.titleCell', where)}
          className="lf-title"
          value={item.title}
          placeholder={t('logframe.titlePlaceholder')}
          onChange={(v) =>
            actions.setText(item.id, 'title', cutToLength(v.replace(/\n/g, ' '), 500))
          }
        />
        <Cell
          label={t('logframe.descriptionCell', where)}
          value={item.description}
          placeholder={t('logframe.descriptionPlaceholder')}
          onChange={(v) => actions.setText(item.id, 'description', v)}
        />
        <button
          type="button"
          className="link-button lf-show"
          aria-label={t('logframe.showLabel', { title: itemTitle(item) })}
          onClick={() => props.onShowInDiagram(item.id)}
        >
          {t('logframe.show')}
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
          <span className="lf-na">{t('logframe.notMeasured')}</span>
        )}
      </td>
      <td>
        <Cell
          label={t('logframe.meansCell', where)}
          value={item.meansOfVerification}
          placeholder={t('logframe.meansPlaceholder')}
          onChange={(v) => actions.setText(item.id, 'meansOfVerification', cutToLength(v, 500))}
        />
      </td>
      <td>
        <Cell
          label={t('logframe.assumptionsCell', where)}
          value={item.assumptions}
          placeholder={t('logframe.assumptionsPlaceholder')}
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
  const { t } = useTranslation('logicModel');
  const model = plan.logicModel;
  return (
    <div className="lf-wrap">
      <table className="logframe">
        <caption className="visually-hidden">{t('logframe.caption')}</caption>
        <colgroup>
          <col className="lf-col-level" />
          <col className="lf-col-description" />
          <col className="lf-col-indicators" />
          <col className="lf-col-mov" />
          <col className="lf-col-assumptions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('logframe.level')}</th>
            <th scope="col">{t('logframe.description')}</th>
            <th scope="col">{t('logframe.indicators')}</th>
            <th scope="col">{t('logframe.meansOfVerification')}</th>
            <th scope="col">{t('logframe.assumptions')}</th>
          </tr>
        </thead>
        {LEVELS.map((lane) => {
          const items = itemsInLane(model, lane);
          const header = (
            <th
              scope="rowgroup"
              rowSpan={Math.max(1, items.length)}
              className={`lf-level lf-level-${lane}`}
            >
              <span className="lf-level-name">{t(`lanes.${lane}.level`)}</span>
              <button
                type="button"
                className="lf-add"
                aria-label={t('logframe.addLabel', { item: t(`lanes.${lane}.singular`) })}
                onClick={() => focusRow(actions.add(lane, ''))}
              >
                {t('logframe.add')}
              </button>
            </th>
          );
          return (
            <tbody key={lane} className="lf-group">
              {items.length === 0 ? (
                <tr>
                  {header}
                  <td colSpan={4} className="lf-empty">
                    {t(`lanes.${lane}.empty`)}
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
              <h2 id={`lf-notes-${lane.id}`}>
                {t('logframe.notesTitle', { lanes: t(`lanes.${lane.id}.label`) })}
              </h2>
              {items.length === 0 ? (
                <p className="lf-na">{t('logframe.noneRecorded')}</p>
              ) : (
                <ul>
                  {items.map((i) => (
                    <li key={i.id} dir="auto">
                      {itemTitle(i)}
                    </li>
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
