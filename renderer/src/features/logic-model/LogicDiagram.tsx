/**
 * The logic-model diagram: one column per lane of the causal chain, a strip
 * of notes (assumptions, external factors) below, and SVG arrows between
 * cards. Everything works by keyboard: arrows move between cards, Alt+arrows
 * move a card, F2 renames, Delete removes; "Link to…" on the selected card
 * starts connect mode, in which the next card chosen becomes the arrow's target.
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/health/types';
import { directionOf } from '../../../../shared/i18n/languages';
import {
  CHAIN_LANES,
  chainIndex,
  isChainLane,
  MEASURED_LANES,
  NOTE_LANES,
  OUTCOME_LANES,
  type LaneId,
  type LaneInfo,
} from '../../../../shared/logic-model/lanes';
import { itemsInLane, linkProblem } from '../../../../shared/logic-model/operations';
import type { LogicItem, Plan } from '../../../../shared/plan/schema';
import { uiLanguage } from '../../i18n/i18n';
import { uiFindingText } from '../health/finding-text';
import { SeverityIcon } from '../health/SeverityIcon';
import { arrowPaths } from './arrows';
import type { LaneSpan, RoutedCard } from '../../../../shared/logic-model/routing';
import { focusCard, itemTitle, type LogicActions } from './use-logic-actions';

type LogicModel = Plan['logicModel'];

/** Props of the diagram. */
export interface LogicDiagramProps {
  model: LogicModel;
  indicatorCounts: ReadonlyMap<string, number>;
  findings: ReadonlyMap<string, Finding[]>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  connectFrom: string | null;
  onConnectFrom: (id: string | null) => void;
  actions: LogicActions;
}

/** What a card is while an arrow is being drawn: its start, a possible target, or neither. */
function connectRole(
  model: LogicModel,
  source: string | null,
  itemId: string,
): 'source' | 'target' | 'invalid' | null {
  if (!source) return null;
  if (source === itemId) return 'source';
  return linkProblem(model, source, itemId) ? 'invalid' : 'target';
}

/** Arrowheads: an ordinary arrow, one of the selected item, one running backwards. */
const ARROW_LOOKS = ['plain', 'active', 'backward'] as const;

/** How an arrow is drawn. */
function arrowLook(backward: boolean, active: boolean): (typeof ARROW_LOOKS)[number] {
  if (backward) return 'backward';
  return active ? 'active' : 'plain';
}

/** The title editor used for new cards and inline renames: Enter keeps, Escape cancels. */
function TitleEditor(props: {
  label: string;
  initial: string;
  onCommit: (title: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(props.initial);
  const done = useRef(false);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && text.trim()) props.onCommit(text.trim());
    else props.onCancel();
  };
  return (
    <textarea
      className="lm-title-editor"
      dir="auto"
      aria-label={props.label}
      value={text}
      rows={2}
      maxLength={500}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value.replace(/\n/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}

function Card(props: {
  item: LogicItem;
  position: number;
  laneSize: number;
  selected: boolean;
  renaming: boolean;
  connecting: 'source' | 'target' | 'invalid' | null;
  indicatorCount: number;
  findings: readonly Finding[];
  related: boolean;
  onActivate: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onStartRename: () => void;
  onRenameDone: (title: string | null) => void;
  onStartConnect: () => void;
}) {
  const { t } = useTranslation(['logicModel', 'indicators']);
  const { item } = props;
  const singular = t(`lanes.${item.lane}.singular`);
  const title = itemTitle(item);
  const traced = OUTCOME_LANES.has(item.lane) && item.tocOutcomeId !== null;
  const worst = props.findings.find((f) => f.severity === 'error') ?? props.findings[0];
  const classes = [
    'lm-card',
    `lm-card-${item.lane}`,
    props.selected && 'is-selected',
    props.related && 'is-related',
    props.connecting && `is-connect-${props.connecting}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-item-id={item.id}>
      {props.renaming ? (
        <TitleEditor
          label={t('diagram.rename', { item: singular })}
          initial={item.title}
          onCommit={(t) => props.onRenameDone(t)}
          onCancel={() => props.onRenameDone(null)}
        />
      ) : (
        <button
          type="button"
          className="lm-card-main"
          aria-pressed={props.selected}
          aria-description={t('diagram.cardDescription', {
            item: singular,
            position: props.position,
            size: props.laneSize,
          })}
          onClick={props.onActivate}
          onDoubleClick={props.onStartRename}
          onKeyDown={props.onKeyDown}
        >
          <span className="lm-card-title" dir="auto">
            {title}
          </span>
          {(props.indicatorCount > 0 || traced || worst) && (
            <span className="lm-card-meta">
              {MEASURED_LANES.has(item.lane) && props.indicatorCount > 0 && (
                <span className="lm-chip lm-chip-indicators">
                  {t('indicators:count', { count: props.indicatorCount })}
                </span>
              )}
              {traced && <span className="lm-chip lm-chip-traced">{t('diagram.traced')}</span>}
              {worst && (
                <span
                  className="lm-chip lm-chip-health"
                  title={props.findings.map((f) => uiFindingText(f.message)).join('\n')}
                >
                  <SeverityIcon severity={worst.severity} size={13} />
                  {t('diagram.toFix', { count: props.findings.length })}
                </span>
              )}
            </span>
          )}
        </button>
      )}
      {props.selected && !props.renaming && isChainLane(item.lane) && (
        <button
          type="button"
          className="lm-card-connect"
          aria-label={t('diagram.linkToLabel', { title })}
          title={t('diagram.linkToTitle')}
          aria-pressed={props.connecting === 'source'}
          onClick={props.onStartConnect}
        >
          {t('diagram.linkTo')}
        </button>
      )}
    </li>
  );
}

function Lane(props: {
  lane: LaneInfo;
  items: LogicItem[];
  diagram: LogicDiagramProps;
  renamingId: string | null;
  setRenamingId: (id: string | null) => void;
  draftLane: LaneId | null;
  setDraftLane: (lane: LaneId | null) => void;
  related: ReadonlySet<string>;
  onCardKey: (item: LogicItem, e: KeyboardEvent<HTMLButtonElement>) => void;
  orientation: 'column' | 'row';
}) {
  const { t } = useTranslation('logicModel');
  const { lane, items, diagram } = props;
  const singular = t(`lanes.${lane.id}.singular`);
  const headingId = `lm-lane-${lane.id}`;
  const connectSource = diagram.connectFrom;
  return (
    <section
      className={`lm-lane lm-lane-${lane.id} lm-lane-${props.orientation}`}
      aria-labelledby={headingId}
      // The lanes keep their order left to right (LogicDiagram); the text in them follows the language.
      dir={directionOf(uiLanguage())}
    >
      <header className="lm-lane-head">
        <h2 id={headingId}>
          {t(`lanes.${lane.id}.label`)}
          <span
            className="lm-lane-count"
            aria-label={t('diagram.laneCount', { count: items.length })}
          >
            {items.length}
          </span>
        </h2>
        <button
          type="button"
          className="lm-lane-add"
          aria-label={t('diagram.add', { item: singular })}
          title={t('diagram.add', { item: singular })}
          onClick={() => props.setDraftLane(lane.id)}
        >
          {t('diagram.addSymbol')}
        </button>
      </header>
      <ol className="lm-cards" aria-labelledby={headingId}>
        {items.map((item, index) => {
          const connecting = connectRole(diagram.model, connectSource, item.id);
          return (
            <Card
              key={item.id}
              item={item}
              position={index + 1}
              laneSize={items.length}
              selected={diagram.selectedId === item.id}
              renaming={props.renamingId === item.id}
              connecting={connecting}
              indicatorCount={diagram.indicatorCounts.get(item.id) ?? 0}
              findings={diagram.findings.get(item.id) ?? []}
              related={props.related.has(item.id)}
              onActivate={() => {
                if (connectSource && connectSource !== item.id) {
                  if (diagram.actions.link(connectSource, item.id)) diagram.onConnectFrom(null);
                  return;
                }
                if (connectSource === item.id) diagram.onConnectFrom(null);
                diagram.onSelect(item.id);
              }}
              onKeyDown={(e) => props.onCardKey(item, e)}
              onStartRename={() => props.setRenamingId(item.id)}
              onRenameDone={(title) => {
                props.setRenamingId(null);
                if (title) diagram.actions.rename(item.id, title);
                focusCard(item.id);
              }}
              onStartConnect={() =>
                diagram.onConnectFrom(connectSource === item.id ? null : item.id)
              }
            />
          );
        })}
        {props.draftLane === lane.id && (
          <li className="lm-card lm-card-draft">
            <TitleEditor
              label={t('diagram.newTitle', { item: singular })}
              initial=""
              onCommit={(title) => {
                props.setDraftLane(null);
                const id = diagram.actions.add(lane.id, title);
                diagram.onSelect(id);
                focusCard(id);
              }}
              onCancel={() => props.setDraftLane(null)}
            />
          </li>
        )}
      </ol>
      {items.length === 0 && props.draftLane !== lane.id && (
        <p className="lm-lane-empty">{t(`lanes.${lane.id}.empty`)}</p>
      )}
    </section>
  );
}

/** The lanes diagram with arrows. */
export function LogicDiagram(props: LogicDiagramProps) {
  const { t } = useTranslation(['logicModel', 'common']);
  const { model, selectedId, actions } = props;
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [draftLane, setDraftLane] = useState<LaneId | null>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const pathRefs = useRef(new Map<string, SVGPathElement>());

  const lanes = useMemo(() => {
    const map = new Map<LaneId, LogicItem[]>();
    for (const lane of [...CHAIN_LANES, ...NOTE_LANES])
      map.set(lane.id, itemsInLane(model, lane.id));
    return map;
  }, [model]);

  const byId = useMemo(() => new Map(model.items.map((i) => [i.id, i])), [model.items]);

  // Items one arrow away from the selected one (highlighted with it).
  const related = useMemo(() => {
    const set = new Set<string>();
    if (!selectedId) return set;
    for (const l of model.links) {
      if (l.source === selectedId) set.add(l.target);
      if (l.target === selectedId) set.add(l.source);
    }
    return set;
  }, [model.links, selectedId]);

  const drawable = useMemo(
    () =>
      model.links.filter((l) => {
        const s = byId.get(l.source);
        const t = byId.get(l.target);
        return s && t && isChainLane(s.lane) && isChainLane(t.lane);
      }),
    [model.links, byId],
  );

  // Arrows follow the cards: measured after layout and whenever the content
  // resizes (text wrapping, the panel opening). Paths are set on the DOM
  // directly, so measuring never causes another React render.
  useLayoutEffect(() => {
    const content = contentRef.current;
    const svg = svgRef.current;
    if (!content || !svg) return;
    const measure = () => {
      // Content coordinates: the SVG scrolls with the lanes.
      const bounds = content.getBoundingClientRect();
      const origin = {
        left: bounds.left - content.scrollLeft,
        top: bounds.top - content.scrollTop,
      };
      const lanes: LaneSpan[] = [];
      content.querySelectorAll<HTMLElement>('.lm-lanes > .lm-lane').forEach((el) => {
        const r = el.getBoundingClientRect();
        lanes.push({ left: r.left - origin.left, right: r.right - origin.left });
      });
      const cards = new Map<string, RoutedCard>();
      content.querySelectorAll<HTMLElement>('.lm-lanes [data-item-id]').forEach((el) => {
        const item = byId.get(el.dataset.itemId!);
        if (!item || !isChainLane(item.lane)) return;
        const r = el.getBoundingClientRect();
        cards.set(item.id, {
          lane: chainIndex(item.lane),
          box: {
            left: r.left - origin.left,
            top: r.top - origin.top,
            width: r.width,
            height: r.height,
          },
        });
      });
      svg.setAttribute('width', String(content.scrollWidth));
      svg.setAttribute('height', String(content.scrollHeight));
      const paths = arrowPaths(lanes, cards, drawable);
      for (const link of drawable) {
        const path = pathRefs.current.get(link.id);
        if (path) path.setAttribute('d', paths.get(link.id) ?? '');
      }
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(content);
    content.querySelectorAll('.lm-lane').forEach((lane) => observer.observe(lane));
    return () => observer.disconnect();
  }, [drawable, byId, lanes, renamingId, draftLane, selectedId]);

  const onCardKey = (item: LogicItem, e: KeyboardEvent<HTMLButtonElement>) => {
    const laneOrder: readonly LaneInfo[] = isChainLane(item.lane) ? CHAIN_LANES : NOTE_LANES;
    const laneIndex = laneOrder.findIndex((l) => l.id === item.lane);
    const inLane = lanes.get(item.lane) ?? [];
    const index = inLane.findIndex((i) => i.id === item.id);
    const neighbourLane = (delta: number) => laneOrder[laneIndex + delta];
    if (e.key === 'F2') {
      e.preventDefault();
      setRenamingId(item.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const next = inLane[index + 1] ?? inLane[index - 1];
      actions.remove(item.id);
      props.onSelect(next?.id ?? null);
      if (next) focusCard(next.id);
    } else if (e.key === 'Escape' && props.connectFrom) {
      e.preventDefault();
      props.onConnectFrom(null);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      actions.reorder(item.id, e.key === 'ArrowUp' ? -1 : 1);
      focusCard(item.id);
    } else if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const target = neighbourLane(e.key === 'ArrowLeft' ? -1 : 1);
      if (!target) return;
      actions.moveTo(item.id, target.id, index);
      focusCard(item.id);
    } else if (!e.altKey && !e.ctrlKey && !e.metaKey) {
      let next: LogicItem | undefined;
      if (e.key === 'ArrowUp') next = inLane[index - 1];
      else if (e.key === 'ArrowDown') next = inLane[index + 1];
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        // Nearest non-empty lane in that direction, same row or its last card.
        const step = e.key === 'ArrowLeft' ? -1 : 1;
        for (let l = laneIndex + step; l >= 0 && l < laneOrder.length; l += step) {
          const other = lanes.get(laneOrder[l]!.id) ?? [];
          if (other.length) {
            next = other[Math.min(index, other.length - 1)];
            break;
          }
        }
      } else if (e.key === 'Home') next = inLane[0];
      else if (e.key === 'End') next = inLane.at(-1);
      else return;
      e.preventDefault();
      if (next) focusCard(next.id);
    }
  };

  const laneProps = {
    diagram: props,
    renamingId,
    setRenamingId,
    draftLane,
    setDraftLane,
    related,
    onCardKey,
  };

  const source = props.connectFrom ? byId.get(props.connectFrom) : undefined;

  return (
    <div className="lm-diagram">
      {source && (
        <div className="lm-connect-banner" role="status">
          <span>
            {t('diagram.connectBefore')}{' '}
            <strong>
              <bdi>{t('diagram.connectTitle', { title: itemTitle(source) })}</bdi>
            </strong>{' '}
            {t('diagram.connectAfter')}
          </span>
          <button type="button" onClick={() => props.onConnectFrom(null)}>
            {t('common:actions.cancel')}
          </button>
        </div>
      )}
      <div
        className="lm-content"
        ref={contentRef}
        // The chain reads left to right in every language (its arrows are
        // routed between lanes in that order); each lane's text follows the language.
        dir="ltr"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && props.connectFrom) props.onConnectFrom(null);
        }}
      >
        <svg className="lm-arrows" ref={svgRef} aria-hidden="true" focusable="false">
          <defs>
            {ARROW_LOOKS.map((kind) => (
              <marker
                key={kind}
                id={`lm-head-${kind}`}
                viewBox="0 0 10 10"
                refX="8.5"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className={`lm-head lm-head-${kind}`} />
              </marker>
            ))}
          </defs>
          {drawable.map((link) => {
            const active =
              selectedId !== null && (link.source === selectedId || link.target === selectedId);
            const backward =
              chainIndex(byId.get(link.target)!.lane) < chainIndex(byId.get(link.source)!.lane);
            const kind = arrowLook(backward, active);
            return (
              <path
                key={link.id}
                ref={(el) => {
                  if (el) pathRefs.current.set(link.id, el);
                  else pathRefs.current.delete(link.id);
                }}
                data-source={link.source}
                data-target={link.target}
                className={`lm-arrow lm-arrow-${kind} ${selectedId && !active ? 'is-faded' : ''}`}
                markerEnd={`url(#lm-head-${kind})`}
              />
            );
          })}
        </svg>
        <div className="lm-lanes">
          {CHAIN_LANES.map((lane) => (
            <Lane
              key={lane.id}
              lane={lane}
              items={lanes.get(lane.id) ?? []}
              orientation="column"
              {...laneProps}
            />
          ))}
        </div>
        <div className="lm-notes">
          {NOTE_LANES.map((lane) => (
            <Lane
              key={lane.id}
              lane={lane}
              items={lanes.get(lane.id) ?? []}
              orientation="row"
              {...laneProps}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
