/**
 * Pathways and the skills map. A pathway strings catalog items together for
 * a target role or segment — as an ordered sequence for beginners, or as
 * groups by skill or tool for experienced learners — and shows total hours,
 * duration at the study pace, level drops and required skills still not
 * covered. The skills map (roles or people × skills, required vs current)
 * feeds required skills and shows gaps.
 */
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addPathwayStep,
  addRequiredSkills,
  blankPathway,
  dropPathwayStep,
  movePathwayStep,
  pathways as pathwayCommands,
  removePathwaySteps,
  removeRequiredSkill,
  setPathwayMode,
  setPathwaySegment,
  setStepGroup,
} from '../../../../shared/commands/pathways';
import { pathwayCandidates } from '../../../../shared/content/catalog';
import {
  LEVEL_ORDER,
  durationMonths,
  holderForRole,
  requiredSkillsOf,
  skillKey,
  summarisePathway,
  type PathwaySummary,
} from '../../../../shared/content/pathways';
import { formatMoney } from '../../../../shared/learners/segments';
import { newId } from '../../../../shared/plan/create';
import type { ContentItem, Pathway } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { NumberField, TextField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { VirtualCombobox } from '../../components/VirtualCombobox';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { FilterField, InlineText } from '../content/inline';
import { ItemPicker } from '../content/ItemPicker';
import { useIndexedCatalog } from '../content/use-indexed-catalog';
import { SkillsMapEditor } from './SkillsMapEditor';
import '../content/content.css';
import './pathways.css';
import {
  SORTABLE_INSTRUCTIONS,
  sortableAnnouncements,
} from '../../components/sortable-announcements';

/** Icons (not words: the same in every language, hidden from screen readers). */
const ICONS = { handle: '⠿', covered: '✓', notCovered: '✗' } as const;

interface StepRowProps {
  pathway: Pathway;
  stepId: string;
  position: number;
  item: ContentItem | null;
  levelDrop: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
}

function StepRow(props: StepRowProps) {
  const { t } = useTranslation('pathways');
  const { pathway, stepId, item } = props;
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const step = pathway.steps.find((s) => s.id === stepId)!;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: stepId,
  });
  const title = item?.title ?? t('steps.missingItem');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`step ${isDragging ? 'dragging' : ''} ${props.levelDrop ? 'level-drop' : ''}`}
    >
      <button
        type="button"
        className="drag-handle"
        aria-label={t('steps.reorder', { position: props.position, title })}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">{ICONS.handle}</span>
      </button>
      {pathway.mode === 'sequence' && <span className="step-number">{props.position}</span>}
      <div className="step-body">
        <span className="step-title">{title}</span>
        {item ? (
          <span className="step-meta">
            <span className={`level level-${item.level}`}>{t(`levels.${item.level}`)}</span>
            {t(`kinds.${item.kind}`)} ·{' '}
            {item.hours === null ? t('steps.hoursUnknown') : t('hours', { hours: item.hours })}
            {item.skills.length > 0 && <> · {item.skills.join(', ')}</>}
          </span>
        ) : (
          <span className="step-meta danger-text">{t('steps.deletedItem')}</span>
        )}
        {props.levelDrop && item && (
          <span className="step-warning">
            {t('steps.levelDrop', { level: t(`levels.${item.level}`) })}
          </span>
        )}
      </div>
      {pathway.mode === 'group' && (
        <InlineText
          className="group-input"
          label={t('steps.groupOf', { title })}
          value={step.group}
          placeholder={t('steps.groupPlaceholder')}
          onChange={(group) => dispatch(setStepGroup({ pathwayId: pathway.id, stepId, group }))}
          onBlur={seal}
        />
      )}
      <div className="step-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={t('steps.moveUpLabel', { title })}
          title={t('steps.moveUp')}
          disabled={!props.canMoveUp}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('steps.moveDownLabel', { title })}
          title={t('steps.moveDown')}
          disabled={!props.canMoveDown}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={t('steps.removeLabel', { title })}
          onClick={() => dispatch(removePathwaySteps({ pathwayId: pathway.id, stepIds: [stepId] }))}
        >
          {t('steps.remove')}
        </button>
      </div>
    </li>
  );
}

function StepsEditor({ pathway, summary }: { pathway: Pathway; summary: PathwaySummary }) {
  const { t } = useTranslation('pathways');
  const dispatch = useDispatch();
  const catalog = usePlan((p) => p.content.catalog);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const [query, setQuery] = useState('');
  const [maxLevel, setMaxLevel] = useState<'' | ContentItem['level']>('');
  const [choice, setChoice] = useState<ContentItem | null>(null);
  const used = useMemo(() => new Set(pathway.steps.map((s) => s.contentItemId)), [pathway.steps]);
  // The box shows each key at once; the option list follows as an interruptible update.
  const deferredQuery = useDeferredValue(query);
  const indexed = useIndexedCatalog(catalog);
  const candidates = useMemo(
    () => pathwayCandidates(deferredQuery.trim() ? indexed : catalog, deferredQuery, maxLevel),
    [catalog, indexed, deferredQuery, maxLevel],
  );
  const drops = new Set(summary.levelWarnings.map((w) => w.stepId));

  const move = (stepId: string, by: -1 | 1) =>
    dispatch(movePathwayStep({ pathwayId: pathway.id, stepId, by }));

  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    dispatch(
      dropPathwayStep({
        pathwayId: pathway.id,
        stepId: String(active.id),
        overStepId: String(over.id),
      }),
    );
  };

  const addStep = () => {
    if (!choice) return;
    const result = dispatch(
      addPathwayStep({ pathwayId: pathway.id, stepId: newId('step'), contentItemId: choice.id }),
    );
    if (!result.ok) {
      notify(result.reason);
      return;
    }
    setChoice(null);
    setQuery('');
  };

  const grouped = pathway.mode === 'group';
  const resolved = summary.steps;
  const renderRow = (stepIndex: number, sameGroupIndexes: number[]) => {
    const s = resolved[stepIndex]!;
    const pos = sameGroupIndexes.indexOf(stepIndex);
    return (
      <StepRow
        key={s.stepId}
        pathway={pathway}
        stepId={s.stepId}
        position={stepIndex + 1}
        item={s.item}
        levelDrop={drops.has(s.stepId)}
        canMoveUp={pos > 0}
        canMoveDown={pos < sameGroupIndexes.length - 1}
        onMove={(d) => move(s.stepId, d)}
      />
    );
  };
  const all = resolved.map((_, i) => i);
  /** How a catalog item reads in the step picker: title, level and hours. */
  const itemLabel = (c: ContentItem) =>
    t('steps.itemText', { title: c.title, level: t(`levels.${c.level}`), hours: c.hours ?? '?' });

  return (
    <section className="card" aria-labelledby={`steps-${pathway.id}`}>
      <h2 id={`steps-${pathway.id}`}>
        {grouped ? t('steps.headingGroups') : t('steps.headingSteps')}
      </h2>
      <p className="section-note">{t('steps.how')}</p>
      {resolved.length === 0 && <p className="empty-note">{t('steps.empty')}</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: sortableAnnouncements(
            pathway.steps.map((s) => s.id),
            (id) => resolved.find((s) => s.stepId === id)?.item?.title ?? t('steps.removedItem'),
          ),
          screenReaderInstructions: SORTABLE_INSTRUCTIONS,
        }}
      >
        <SortableContext
          items={pathway.steps.map((s) => s.id)}
          strategy={verticalListSortingStrategy}
        >
          {grouped ? (
            summary.groups.map((g) => {
              const indexes = g.stepIds.map((id) => resolved.findIndex((s) => s.stepId === id));
              return (
                <div key={g.group} className="step-group">
                  <h3 className="group-heading">
                    {g.group} <span className="group-hours">{t('hours', { hours: g.hours })}</span>
                  </h3>
                  <ol className="steps" aria-label={t('steps.group', { group: g.group })}>
                    {indexes.map((i) => renderRow(i, indexes))}
                  </ol>
                </div>
              );
            })
          ) : (
            <ol className="steps" aria-label={t('steps.inOrder')}>
              {all.map((i) => renderRow(i, all))}
            </ol>
          )}
        </SortableContext>
      </DndContext>

      <fieldset className="add-step">
        <legend>{t('steps.addLegend')}</legend>
        <div className="add-step-row">
          <VirtualCombobox<ContentItem>
            className="grow"
            label={t('steps.catalogItem')}
            items={candidates}
            onQueryChange={setQuery}
            selected={choice}
            onSelect={setChoice}
            itemKey={(c) => c.id}
            itemText={itemLabel}
            placeholder={t('steps.catalogItemPlaceholder')}
            description={t('steps.shownOf', { shown: candidates.length, total: catalog.length })}
            renderItem={(c) => (
              <>
                <span>{c.title}</span>
                <span className="combobox-option-meta">
                  {t('steps.optionMeta', { level: t(`levels.${c.level}`), hours: c.hours ?? '?' })}
                  {c.provider && <> · {c.provider}</>}
                  {used.has(c.id) && <> · {t('steps.alreadyIn')}</>}
                </span>
              </>
            )}
          />
          <FilterField label={t('steps.upToLevel')}>
            {(id) => (
              <select
                id={id}
                value={maxLevel}
                onChange={(e) => setMaxLevel(e.target.value as typeof maxLevel)}
              >
                <option value="">{t('steps.anyLevel')}</option>
                {LEVEL_ORDER.map((level) => (
                  <option key={level} value={level}>
                    {t(`levels.${level}`)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <button type="button" className="primary" disabled={!choice} onClick={addStep}>
            {t('steps.add')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}

function RequiredSkills({ pathway, summary }: { pathway: Pathway; summary: PathwaySummary }) {
  const { t } = useTranslation('pathways');
  const format = useFormat();
  const dispatch = useDispatch();
  const map = usePlan((p) => p.skillsMap);
  const [draft, setDraft] = useState('');
  const matched = holderForRole(map, pathway.targetRole);
  const [holderId, setHolderId] = useState<string>('');
  const source = holderId || matched || '';
  const coveredBy = new Map(summary.covered.map((c) => [skillKey(c.skill), c.stepIds]));
  const stepNumber = new Map(pathway.steps.map((s, i) => [s.id, i + 1]));
  const add = (skills: string[]) => dispatch(addRequiredSkills({ pathwayId: pathway.id, skills }));

  return (
    <section className="card" aria-labelledby={`skills-${pathway.id}`}>
      <h2 id={`skills-${pathway.id}`}>{t('skills.heading')}</h2>
      {summary.uncovered.length > 0 ? (
        <div className="uncovered" role="note" aria-label={t('skills.notCoveredLabel')}>
          <strong>{t('skills.notCoveredCount', { count: summary.uncovered.length })}</strong>{' '}
          {format.list(summary.uncovered)}
        </div>
      ) : pathway.requiredSkills.length > 0 ? (
        <p className="ok-note">{t('skills.allCovered')}</p>
      ) : null}
      <ul className="skill-list">
        {pathway.requiredSkills.map((skill) => {
          const steps = coveredBy.get(skillKey(skill));
          return (
            <li key={skill} className={steps ? 'covered' : 'not-covered'}>
              <span className="skill-status" aria-hidden="true">
                {steps ? ICONS.covered : ICONS.notCovered}
              </span>
              <span className="skill-name">{skill}</span>
              <span className="skill-where">
                {steps
                  ? pathway.mode === 'sequence'
                    ? t('skills.atSteps', {
                        count: steps.length,
                        steps: steps.map((id) => format.number(stepNumber.get(id) ?? 0)).join(', '),
                      })
                    : t('skills.items', { count: steps.length })
                  : t('skills.notCovered')}
              </span>
              <button
                type="button"
                className="icon-button subtle"
                aria-label={t('skills.removeLabel', { skill })}
                onClick={() => dispatch(removeRequiredSkill({ pathwayId: pathway.id, skill }))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="add-skill"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          add([draft]);
          setDraft('');
        }}
      >
        <TextField
          label={t('skills.required')}
          value={draft}
          onChange={setDraft}
          placeholder={t('skills.requiredPlaceholder')}
        />
        <button type="submit" disabled={!draft.trim()}>
          {t('skills.add')}
        </button>
      </form>
      {map.holders.length > 0 && (
        <div className="from-map">
          <FilterField label={t('skills.holder')}>
            {(id) => (
              <select id={id} value={source} onChange={(e) => setHolderId(e.target.value)}>
                <option value="">{t('skills.choose')}</option>
                {map.holders.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <button
            type="button"
            disabled={!source}
            onClick={() => {
              const skills = requiredSkillsOf(map, source);
              add(skills);
              notify(skills.length ? t('skills.addedFromMap') : t('skills.noneRequired'));
            }}
          >
            {t('skills.addRequired')}
          </button>
          <button
            type="button"
            disabled={!source}
            onClick={() => add(requiredSkillsOf(map, source, true))}
          >
            {t('skills.addGaps')}
          </button>
        </div>
      )}
      {summary.extraSkills.length > 0 && (
        <p className="section-note">
          {t('skills.alsoTaught', { skills: format.list(summary.extraSkills) })}
        </p>
      )}
    </section>
  );
}

function PathwayEditor({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation('pathways');
  const format = useFormat();
  const catalog = usePlan((p) => p.content.catalog);
  const segments = usePlan((p) => p.learners);
  const roles = usePlan((p) => p.skillsMap.holders);
  const currency = usePlan((p) => p.budget.currency);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<Pick<Pathway, 'name' | 'targetRole' | 'hoursPerWeek'>>) =>
    dispatch(pathwayCommands.update({ id: pathway.id, patch }));
  const summary = useMemo(() => summarisePathway(pathway, catalog), [pathway, catalog]);

  return (
    <>
      <section className="card" aria-labelledby={`pathway-${pathway.id}`}>
        <div className="card-title-row">
          <h2 id={`pathway-${pathway.id}`}>{t('pathway.heading')}</h2>
          <button
            type="button"
            className="subtle danger-text"
            onClick={() => {
              const result = dispatch(pathwayCommands.remove({ ids: [pathway.id] }));
              if (!result.ok) notify(result.reason);
              else
                notifyUndoable(
                  t('pathway.deleted', { name: pathway.name || t('untitledPathway') }),
                  result.stepId,
                );
            }}
          >
            {t('pathway.delete')}
          </button>
        </div>
        <div className="grid grid-3">
          <TextField
            label={t('pathway.name')}
            value={pathway.name}
            onChange={(name) => update({ name })}
            onBlur={seal}
          />
          <div className="field">
            <label htmlFor={`role-${pathway.id}`}>{t('pathway.targetRole')}</label>
            <input
              id={`role-${pathway.id}`}
              type="text"
              list={`roles-${pathway.id}`}
              value={pathway.targetRole}
              maxLength={500}
              onChange={(e) => update({ targetRole: e.target.value })}
              onBlur={seal}
            />
            <datalist id={`roles-${pathway.id}`}>
              {roles.map((r) => (
                <option key={r.id} value={r.name} />
              ))}
            </datalist>
          </div>
          <NumberField
            label={t('pathway.hoursPerWeek')}
            value={pathway.hoursPerWeek}
            min={0.5}
            max={80}
            onChange={(hoursPerWeek) => {
              if (hoursPerWeek !== null) update({ hoursPerWeek });
            }}
            onBlur={seal}
          />
        </div>
        <div className="grid grid-2 pathway-options">
          <fieldset className="mode-choice">
            <legend>{t('pathway.arrangement')}</legend>
            <label className="check">
              <input
                type="radio"
                name={`mode-${pathway.id}`}
                checked={pathway.mode === 'sequence'}
                onChange={() =>
                  dispatch(setPathwayMode({ pathwayId: pathway.id, mode: 'sequence' }))
                }
              />
              <span>
                <strong>{t('pathway.sequence')}</strong> — {t('pathway.sequenceHint')}
              </span>
            </label>
            <label className="check">
              <input
                type="radio"
                name={`mode-${pathway.id}`}
                checked={pathway.mode === 'group'}
                onChange={() => dispatch(setPathwayMode({ pathwayId: pathway.id, mode: 'group' }))}
              />
              <span>
                <strong>{t('pathway.groups')}</strong> — {t('pathway.groupsHint')}
              </span>
            </label>
          </fieldset>
          <fieldset className="checkbox-group compact-checks">
            <legend>{t('pathway.segments')}</legend>
            {segments.length === 0 && <p className="section-note">{t('pathway.noSegments')}</p>}
            {segments.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={pathway.segmentIds.includes(s.id)}
                  onChange={(e) =>
                    dispatch(
                      setPathwaySegment({
                        pathwayId: pathway.id,
                        segmentId: s.id,
                        included: e.target.checked,
                      }),
                    )
                  }
                />
                {s.name || t('untitledSegment')}
              </label>
            ))}
          </fieldset>
        </div>
      </section>

      <section className="card pathway-summary" aria-label={t('summary.label')}>
        <dl className="budget">
          <div>
            <dt>{t('summary.totalHours')}</dt>
            <dd className="num strong" data-testid="total-hours">
              {format.number(summary.totalHours)}
            </dd>
          </div>
          <div>
            <dt>{t('summary.durationAt', { hours: pathway.hoursPerWeek })}</dt>
            <dd className="num strong" data-testid="duration">
              {summary.weeks <= 0
                ? t('summary.noStudyTime')
                : durationMonths(summary.weeks) === null
                  ? t('summary.weeks', { weeks: summary.weeks })
                  : t('summary.weeksAndMonths', {
                      weeks: summary.weeks,
                      months: durationMonths(summary.weeks),
                    })}
            </dd>
          </div>
          <div>
            <dt>{t('summary.items')}</dt>
            <dd className="num">{format.number(pathway.steps.length)}</dd>
          </div>
          <div>
            <dt>{t('summary.costPerLearner')}</dt>
            <dd className="num">{formatMoney(summary.totalCost, currency, format.locale)}</dd>
          </div>
        </dl>
        {(summary.levelWarnings.length > 0 ||
          summary.stepsWithoutHours > 0 ||
          summary.missingItems > 0) && (
          <ul className="warnings" aria-label={t('summary.warnings')}>
            {summary.levelWarnings.map((w) => (
              <li key={w.stepId}>
                {t('summary.levelBackwards', {
                  step: w.index + 1,
                  title: w.title,
                  level: t(`levels.${w.level}`),
                  previousTitle: w.previousTitle,
                  previousLevel: t(`levels.${w.previousLevel}`),
                })}
              </li>
            ))}
            {summary.stepsWithoutHours > 0 && (
              <li>{t('summary.withoutHours', { count: summary.stepsWithoutHours })}</li>
            )}
            {summary.missingItems > 0 && (
              <li>{t('summary.missingItems', { count: summary.missingItems })}</li>
            )}
          </ul>
        )}
      </section>

      <RequiredSkills pathway={pathway} summary={summary} />
      <StepsEditor pathway={pathway} summary={summary} />
    </>
  );
}

/** The Pathways & skills section. */
export function PathwaysSection() {
  const { t } = useTranslation('pathways');
  const pathways = usePlan((p) => p.content.pathways);
  const catalog = usePlan((p) => p.content.catalog);
  const dispatch = useDispatch();
  // "Go there" after an undo (or any link) can name a pathway: show it.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [selectedId, setSelectedId] = useState<string | null>(focus ?? null);
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setSelectedId(focus);
  }
  const selected = pathways.find((p) => p.id === selectedId) ?? pathways[0] ?? null;

  return (
    <div className="section-body content-section wide-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <ItemPicker
        label={t('pathways')}
        items={pathways}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        title={(p) => p.name || t('untitledPathway')}
        tag={(p) => (
          <span className="tag">
            {t('tag', { hours: summarisePathway(p, catalog).totalHours, mode: p.mode })}
          </span>
        )}
        addLabel={t('addPathway')}
        onAdd={() => {
          const pathway = blankPathway();
          if (dispatch(pathwayCommands.add({ item: pathway })).ok) setSelectedId(pathway.id);
        }}
      />
      {selected ? (
        <PathwayEditor key={selected.id} pathway={selected} />
      ) : (
        <p className="empty-note">{t('noPathways')}</p>
      )}
      <SkillsMapEditor />
    </div>
  );
}
