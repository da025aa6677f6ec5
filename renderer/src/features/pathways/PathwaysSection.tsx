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
import { KIND_LABELS, pathwayCandidates } from '../../../../shared/content/catalog';
import {
  LEVEL_LABELS,
  describeDuration,
  holderForRole,
  requiredSkillsOf,
  skillKey,
  summarisePathway,
  type PathwaySummary,
} from '../../../../shared/content/pathways';
import { byCount, formatMoney } from '../../../../shared/learners/segments';
import { newId } from '../../../../shared/plan/create';
import type { ContentItem, Pathway } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { NumberField, TextField } from '../../components/fields';
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

/** How a catalog item reads in the step picker: title, level and hours. */
const itemLabel = (c: ContentItem) => `${c.title} — ${LEVEL_LABELS[c.level]}, ${c.hours ?? '?'} h`;

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
  const { pathway, stepId, item } = props;
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const step = pathway.steps.find((s) => s.id === stepId)!;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: stepId,
  });
  const title = item?.title ?? 'Missing catalog item';
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`step ${isDragging ? 'dragging' : ''} ${props.levelDrop ? 'level-drop' : ''}`}
    >
      <button
        type="button"
        className="drag-handle"
        aria-label={`Reorder step ${props.position}: ${title}`}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      {pathway.mode === 'sequence' && <span className="step-number">{props.position}</span>}
      <div className="step-body">
        <span className="step-title">{title}</span>
        {item ? (
          <span className="step-meta">
            <span className={`level level-${item.level}`}>{LEVEL_LABELS[item.level]}</span>
            {KIND_LABELS[item.kind]} · {item.hours === null ? 'hours unknown' : `${item.hours} h`}
            {item.skills.length > 0 && ` · ${item.skills.join(', ')}`}
          </span>
        ) : (
          <span className="step-meta danger-text">
            This item was deleted from the catalog; remove the step.
          </span>
        )}
        {props.levelDrop && item && (
          <span className="step-warning">
            Level drops to {LEVEL_LABELS[item.level]} after a harder step.
          </span>
        )}
      </div>
      {pathway.mode === 'group' && (
        <InlineText
          className="group-input"
          label={`Group of step: ${title}`}
          value={step.group}
          placeholder="Skill or tool"
          onChange={(group) => dispatch(setStepGroup({ pathwayId: pathway.id, stepId, group }))}
          onBlur={seal}
        />
      )}
      <div className="step-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Move up: ${title}`}
          title="Move up"
          disabled={!props.canMoveUp}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move down: ${title}`}
          title="Move down"
          disabled={!props.canMoveDown}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="subtle danger-text"
          aria-label={`Remove step: ${title}`}
          onClick={() => dispatch(removePathwaySteps({ pathwayId: pathway.id, stepIds: [stepId] }))}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

function StepsEditor({ pathway, summary }: { pathway: Pathway; summary: PathwaySummary }) {
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

  return (
    <section className="card" aria-labelledby={`steps-${pathway.id}`}>
      <h2 id={`steps-${pathway.id}`}>{grouped ? 'Groups and items' : 'Steps'}</h2>
      <p className="section-note">
        Drag the handle, or focus it and press Space, then the arrow keys, then Space to drop. The
        arrow buttons move a step by one place.
      </p>
      {resolved.length === 0 && (
        <p className="empty-note">No steps yet. Add items from the catalog below.</p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: sortableAnnouncements(
            pathway.steps.map((s) => s.id),
            (id) => resolved.find((s) => s.stepId === id)?.item?.title ?? 'a removed item',
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
                    {g.group} <span className="group-hours">{g.hours} h</span>
                  </h3>
                  <ol className="steps" aria-label={`Group ${g.group}`}>
                    {indexes.map((i) => renderRow(i, indexes))}
                  </ol>
                </div>
              );
            })
          ) : (
            <ol className="steps" aria-label="Pathway steps in order">
              {all.map((i) => renderRow(i, all))}
            </ol>
          )}
        </SortableContext>
      </DndContext>

      <fieldset className="add-step">
        <legend>Add an item from the catalog</legend>
        <div className="add-step-row">
          <VirtualCombobox<ContentItem>
            className="grow"
            label="Catalog item"
            items={candidates}
            onQueryChange={setQuery}
            selected={choice}
            onSelect={setChoice}
            itemKey={(c) => c.id}
            itemText={itemLabel}
            placeholder="Type a title, provider or skill"
            description={`${candidates.length.toLocaleString('en-GB')} of ${catalog.length.toLocaleString('en-GB')} items`}
            renderItem={(c) => (
              <>
                <span>{c.title}</span>
                <span className="combobox-option-meta">
                  {LEVEL_LABELS[c.level]}, {c.hours ?? '?'} h{c.provider ? ` · ${c.provider}` : ''}
                  {used.has(c.id) ? ' · already in pathway' : ''}
                </span>
              </>
            )}
          />
          <FilterField label="Up to level">
            {(id) => (
              <select
                id={id}
                value={maxLevel}
                onChange={(e) => setMaxLevel(e.target.value as typeof maxLevel)}
              >
                <option value="">Any level</option>
                <option value="beginner">Beginner</option>
                <option value="intermediate">Intermediate</option>
                <option value="advanced">Advanced</option>
              </select>
            )}
          </FilterField>
          <button type="button" className="primary" disabled={!choice} onClick={addStep}>
            Add step
          </button>
        </div>
      </fieldset>
    </section>
  );
}

function RequiredSkills({ pathway, summary }: { pathway: Pathway; summary: PathwaySummary }) {
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
      <h2 id={`skills-${pathway.id}`}>Required skills and coverage</h2>
      {summary.uncovered.length > 0 ? (
        <div className="uncovered" role="note" aria-label="Required skills not covered">
          <strong>
            {summary.uncovered.length} required{' '}
            {byCount(summary.uncovered.length, 'skill is', 'skills are')} not covered:
          </strong>{' '}
          {summary.uncovered.join(', ')}
        </div>
      ) : pathway.requiredSkills.length > 0 ? (
        <p className="ok-note">Every required skill is covered by at least one step.</p>
      ) : null}
      <ul className="skill-list">
        {pathway.requiredSkills.map((skill) => {
          const steps = coveredBy.get(skillKey(skill));
          return (
            <li key={skill} className={steps ? 'covered' : 'not-covered'}>
              <span className="skill-status" aria-hidden="true">
                {steps ? '✓' : '✗'}
              </span>
              <span className="skill-name">{skill}</span>
              <span className="skill-where">
                {steps
                  ? pathway.mode === 'sequence'
                    ? `step ${steps.map((id) => stepNumber.get(id)).join(', ')}`
                    : `${steps.length} ${byCount(steps.length, 'item', 'items')}`
                  : 'not covered'}
              </span>
              <button
                type="button"
                className="icon-button subtle"
                aria-label={`Remove required skill ${skill}`}
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
          label="Required skill"
          value={draft}
          onChange={setDraft}
          placeholder="e.g. Ticketing systems"
        />
        <button type="submit" disabled={!draft.trim()}>
          Add required skill
        </button>
      </form>
      {map.holders.length > 0 && (
        <div className="from-map">
          <FilterField label="Skills map role or person">
            {(id) => (
              <select id={id} value={source} onChange={(e) => setHolderId(e.target.value)}>
                <option value="">Choose…</option>
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
              notify(
                skills.length
                  ? `Added the skills the skills map requires.`
                  : 'That role requires no skills yet.',
              );
            }}
          >
            Add its required skills
          </button>
          <button
            type="button"
            disabled={!source}
            onClick={() => add(requiredSkillsOf(map, source, true))}
          >
            Add only its gaps
          </button>
        </div>
      )}
      {summary.extraSkills.length > 0 && (
        <p className="section-note">Also taught: {summary.extraSkills.join(', ')}.</p>
      )}
    </section>
  );
}

function PathwayEditor({ pathway }: { pathway: Pathway }) {
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
          <h2 id={`pathway-${pathway.id}`}>Pathway</h2>
          <button
            type="button"
            className="subtle danger-text"
            onClick={() => {
              const result = dispatch(pathwayCommands.remove({ ids: [pathway.id] }));
              if (!result.ok) notify(result.reason);
              else
                notifyUndoable(
                  `Deleted the pathway “${pathway.name || 'Untitled pathway'}”.`,
                  result.stepId,
                );
            }}
          >
            Delete pathway
          </button>
        </div>
        <div className="grid grid-3">
          <TextField
            label="Pathway name"
            value={pathway.name}
            onChange={(name) => update({ name })}
            onBlur={seal}
          />
          <div className="field">
            <label htmlFor={`role-${pathway.id}`}>Target role</label>
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
            label="Study hours per week"
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
            <legend>Arrangement</legend>
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
                <strong>Sequence</strong> — ordered steps for beginners aiming at an entry-level
                role
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
                <strong>Groups</strong> — sets by skill or tool for experienced learners
              </span>
            </label>
          </fieldset>
          <fieldset className="checkbox-group compact-checks">
            <legend>For learner segments</legend>
            {segments.length === 0 && <p className="section-note">No learner segments yet.</p>}
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
                {s.name || 'Untitled segment'}
              </label>
            ))}
          </fieldset>
        </div>
      </section>

      <section className="card pathway-summary" aria-label="Pathway summary">
        <dl className="budget">
          <div>
            <dt>Total hours</dt>
            <dd className="num strong" data-testid="total-hours">
              {summary.totalHours.toLocaleString('en-GB')}
            </dd>
          </div>
          <div>
            <dt>Duration at {pathway.hoursPerWeek} h/week</dt>
            <dd className="num strong" data-testid="duration">
              {describeDuration(summary.weeks)}
            </dd>
          </div>
          <div>
            <dt>Items</dt>
            <dd className="num">{pathway.steps.length}</dd>
          </div>
          <div>
            <dt>Content cost per learner</dt>
            <dd className="num">{formatMoney(summary.totalCost, currency)}</dd>
          </div>
        </dl>
        {(summary.levelWarnings.length > 0 ||
          summary.stepsWithoutHours > 0 ||
          summary.missingItems > 0) && (
          <ul className="warnings" aria-label="Pathway warnings">
            {summary.levelWarnings.map((w) => (
              <li key={w.stepId}>
                Level goes backwards at step {w.index + 1}: “{w.title}” ({LEVEL_LABELS[w.level]})
                comes after “{w.previousTitle}” ({LEVEL_LABELS[w.previousLevel]}).
              </li>
            ))}
            {summary.stepsWithoutHours > 0 && (
              <li>
                {summary.stepsWithoutHours}{' '}
                {byCount(summary.stepsWithoutHours, 'item has', 'items have')} no hours recorded;
                the total leaves {byCount(summary.stepsWithoutHours, 'it', 'them')} out.
              </li>
            )}
            {summary.missingItems > 0 && (
              <li>
                {summary.missingItems} {byCount(summary.missingItems, 'step points', 'steps point')}{' '}
                to deleted catalog items.
              </li>
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
        <h1>Pathways &amp; skills</h1>
        <p className="lead">
          Build learning pathways from the catalog for a target role or learner segment, check them
          against the skills the role requires, and see the gaps in your skills map.
        </p>
      </header>
      <ItemPicker
        label="Pathways"
        items={pathways}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        title={(p) => p.name || 'Untitled pathway'}
        tag={(p) => (
          <span className="tag">
            {summarisePathway(p, catalog).totalHours} h ·{' '}
            {p.mode === 'sequence' ? 'Sequence' : 'Groups'}
          </span>
        )}
        addLabel="Add pathway"
        onAdd={() => {
          const pathway = blankPathway();
          if (dispatch(pathwayCommands.add({ item: pathway })).ok) setSelectedId(pathway.id);
        }}
      />
      {selected ? (
        <PathwayEditor key={selected.id} pathway={selected} />
      ) : (
        <p className="empty-note">No pathways yet.</p>
      )}
      <SkillsMapEditor />
    </div>
  );
}
