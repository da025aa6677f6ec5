/**
 * Details of the selected logic-model item: title, lane, description, the
 * theory-of-change outcome it traces to, indicators, means of verification,
 * assumptions, its arrows, and the keyboard-free ways to move or delete it.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALL_LANES,
  CHAIN_LANES,
  isChainLane,
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
  { key: 'impact', test: (n: TocNode) => n.kind === 'impact' },
  { key: 'long', test: (n: TocNode) => n.horizon === 'long' },
  { key: 'intermediate', test: (n: TocNode) => n.horizon === 'intermediate' },
  { key: 'short', test: (n: TocNode) => n.horizon === 'short' },
  { key: 'other', test: (n: TocNode) => n.kind === 'outcome' && !n.horizon },
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
  const { t } = useTranslation('logicModel');
  const id = useId();
  const nodes = useMemo(() => traceableTocNodes(plan), [plan]);
  const current = item.tocOutcomeId
    ? plan.theoryOfChange.nodes.find((n) => n.id === item.tocOutcomeId)
    : undefined;
  const broken = item.tocOutcomeId !== null && (!current || !isTraceableTocNode(current));
  return (
    <div className="field lm-trace">
      <label htmlFor={id}>{t('trace.label')}</label>
      <select
        id={id}
        value={item.tocOutcomeId ?? ''}
        onChange={(e) => actions.trace(item.id, e.target.value || null)}
        aria-describedby={`${id}-hint`}
      >
        <option value="">{t('trace.notLinked')}</option>
        {broken && (
          <option value={item.tocOutcomeId!}>
            {current
              ? t('trace.notAnOutcome', { title: current.title })
              : t('trace.deletedOutcome')}
          </option>
        )}
        {TOC_GROUPS.map((group) => {
          const options = nodes.filter(group.test);
          if (options.length === 0) return null;
          return (
            <optgroup key={group.key} label={t(`trace.groups.${group.key}`)}>
              {options.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title.trim() || t('trace.untitledOutcome')}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {nodes.length === 0 ? t('trace.noOutcomes') : t('trace.hint')}
      </p>
      {item.tocOutcomeId && current && tocAvailable && (
        <button
          type="button"
          className="lm-trace-go"
          onClick={() => goToSection('theoryOfChange', item.tocOutcomeId!)}
        >
          {t('trace.show')}
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
  const { t } = useTranslation('logicModel');
  const headingId = useId();
  return (
    <div className="lm-links">
      <h3 id={headingId}>{props.heading}</h3>
      {props.links.length === 0 ? (
        <p className="lm-panel-empty">{t('panel.none')}</p>
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
                <span className="lm-link-lane">{t(`lanes.${other.lane}.singular`)}</span>
                <bdi>{itemTitle(other)}</bdi>
              </button>
              <button
                type="button"
                className="subtle lm-icon-button"
                aria-label={t('panel.removeArrow', {
                  direction: props.direction,
                  title: itemTitle(other),
                })}
                title={t('panel.removeArrowTitle')}
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
  const { t } = useTranslation('logicModel');
  const seal = useSealHistory();
  const singular = t(`lanes.${item.lane}.singular`);
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
    <aside className="lm-panel" aria-label={t('panel.label', { item: singular, title })}>
      <header className="lm-panel-head">
        <span className={`lm-lane-tag lm-lane-tag-${item.lane}`}>{singular}</span>
        <button
          type="button"
          className="subtle lm-icon-button"
          aria-label={t('panel.close')}
          title={t('panel.close')}
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
          label={t('panel.title')}
          value={item.title}
          rows={2}
          onChange={(v) =>
            actions.setText(item.id, 'title', cutToLength(v.replace(/\n/g, ' '), 500))
          }
          onBlur={seal}
        />
        <div className="lm-panel-row">
          <SelectField
            label={t('panel.lane')}
            value={item.lane}
            options={ALL_LANES.map((l) => ({ value: l.id, label: t(`lanes.${l.id}.label`) }))}
            onChange={(v) => {
              actions.moveTo(item.id, v);
              focusCard(item.id);
            }}
          />
          <div className="lm-order" role="group" aria-label={t('panel.order')}>
            <button
              type="button"
              disabled={index <= 0}
              aria-label={t('panel.moveUp')}
              title={t('panel.moveUpTitle')}
              onClick={() => actions.reorder(item.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={index < 0 || index >= siblings.length - 1}
              aria-label={t('panel.moveDown')}
              title={t('panel.moveDownTitle')}
              onClick={() => actions.reorder(item.id, 1)}
            >
              ↓
            </button>
          </div>
        </div>
        <TextAreaField
          label={t('panel.description')}
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
              label={t('panel.meansOfVerification')}
              value={item.meansOfVerification}
              placeholder={t('panel.meansPlaceholder')}
              onChange={(v) => actions.setText(item.id, 'meansOfVerification', v)}
              onBlur={seal}
            />
            <TextAreaField
              label={t('panel.assumptions')}
              value={item.assumptions}
              rows={2}
              placeholder={t('panel.assumptionsPlaceholder')}
              onChange={(v) => actions.setText(item.id, 'assumptions', v)}
              onBlur={seal}
            />
            <div className="lm-panel-block">
              <LinkList
                heading={t('panel.leadsTo')}
                direction="to"
                links={outgoing}
                onSelect={onSelect}
                actions={actions}
              />
              <div className="field">
                <label htmlFor={linkTargetId}>{t('panel.addArrow')}</label>
                <div className="lm-link-add">
                  <select
                    id={linkTargetId}
                    value=""
                    onChange={(e) => {
                      if (e.target.value) actions.link(item.id, e.target.value);
                    }}
                  >
                    <option value="">{t('panel.chooseItem')}</option>
                    {CHAIN_LANES.map((l) => {
                      const options = itemsInLane(model, l.id).filter(
                        (o) => linkProblem(model, item.id, o.id) === null,
                      );
                      if (options.length === 0) return null;
                      return (
                        <optgroup key={l.id} label={t(`lanes.${l.id}.label`)}>
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
                    title={t('panel.pickLabel')}
                    aria-label={t('panel.pickLabel')}
                    onClick={() => onConnectFrom(item.id)}
                  >
                    {t('panel.pick')}
                  </button>
                </div>
              </div>
              <LinkList
                heading={t('panel.comesFrom')}
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
            {t('panel.delete', { item: singular })}
          </button>
        </div>
      </div>
    </aside>
  );
}
