/**
 * The Onboarding checklist (Launch): the six standard onboarding steps and
 * the planner's own items, each with status, owner, due date (days from the
 * launch start in the timeline, or a fixed date), notes and the partners
 * involved. Overdue and due-this-week items are counted in the header and
 * marked on their row. Items are reordered with Move up / Move down.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
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
import { CSS as DndCSS } from '@dnd-kit/utilities';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { blankChecklistItem, checklistItems } from '../../../../shared/commands/launch-checklist';
import { setPhaseDate } from '../../../../shared/commands/objective';
import { formatDate } from '../../../../shared/export/document';
import {
  CHECKLIST_STATUS_LABELS,
  checklistItemDue,
  describeAlerts,
  describeChecklistDue,
  describeOffset,
  partnerGroups,
  partnerNames,
  type ChecklistDue,
} from '../../../../shared/launch/checklist';
import { daysFrom, launchStart, resolveLaunchDate } from '../../../../shared/launch/onboarding';
import type { ChecklistItem, LaunchDate, Plan } from '../../../../shared/plan/schema';
import { goToSection, notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import {
  DateField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useToday } from '../stakeholders/today';
import './onboarding.css';
import {
  SORTABLE_INSTRUCTIONS,
  sortableAnnouncements,
} from '../../components/sortable-announcements';

const STATUS_OPTIONS = (
  Object.entries(CHECKLIST_STATUS_LABELS) as [ChecklistItem['status'], string][]
).map(([value, label]) => ({ value, label }));

const titleOf = (item: ChecklistItem) => item.label.trim() || 'Untitled item';

/** The due date as shown on a row: "18 March 2027 (14 days before launch)". */
function dueText(item: ChecklistItem, due: ChecklistDue): string {
  if (!item.due) return 'No due date';
  if (item.due.anchor === 'date') return formatDate(item.due.date);
  const rule = describeOffset(item.due.offsetDays);
  return due.date
    ? `${formatDate(due.date)} (${rule.toLowerCase()})`
    : `${rule} (launch start not set)`;
}

type DueKind = 'launch' | 'date' | 'none';

/** Edits an item's due date: days before/after the launch start, a fixed date, or none. */
function DueEditor({
  item,
  start,
  today,
  onChange,
}: {
  item: ChecklistItem;
  start: string | null;
  today: string;
  onChange: (due: LaunchDate | null) => void;
}) {
  const name = useId();
  const kind: DueKind = item.due ? item.due.anchor : 'none';
  const offset = item.due?.anchor === 'launch' ? item.due.offsetDays : 0;
  // On launch day (0 days) the sign says nothing: remember the side chosen.
  const [chosenSide, setChosenSide] = useState<'before' | 'after'>(offset > 0 ? 'after' : 'before');
  const side = offset > 0 ? 'after' : offset < 0 ? 'before' : chosenSide;
  const title = titleOf(item);
  const setKind = (next: DueKind) => {
    if (next === kind) return;
    if (next === 'none') onChange(null);
    else if (next === 'launch') {
      // From a fixed date keep the same day, counted from the launch start.
      const from = item.due?.anchor === 'date' && start ? daysFrom(start, item.due.date) : 0;
      onChange({ anchor: 'launch', offsetDays: from });
    } else {
      // The date it is due now, else the launch start, else today.
      onChange({ anchor: 'date', date: resolveLaunchDate(item.due, start) ?? start ?? today });
    }
  };
  return (
    <fieldset className="ob-due-editor">
      <legend>Due date</legend>
      <div className="ob-due-kinds" role="radiogroup" aria-label={`When “${title}” is due`}>
        {(
          [
            ['launch', 'Relative to the launch'],
            ['date', 'On a fixed date'],
            ['none', 'No due date'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={name}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {label}
          </label>
        ))}
      </div>
      {item.due?.anchor === 'launch' && (
        <div className="ob-due-relative">
          <NumberField
            label="Days"
            value={Math.abs(offset)}
            min={0}
            max={3650}
            integer
            required
            onChange={(days) =>
              onChange({
                anchor: 'launch',
                offsetDays: side === 'after' ? (days ?? 0) : -(days ?? 0),
              })
            }
          />
          <SelectField
            label="Before or after"
            value={side}
            options={[
              { value: 'before', label: 'before launch' },
              { value: 'after', label: 'after launch' },
            ]}
            onChange={(next) => {
              setChosenSide(next);
              onChange({
                anchor: 'launch',
                offsetDays: next === 'after' ? Math.abs(offset) : -Math.abs(offset),
              });
            }}
          />
          <p className="ob-due-resolved" aria-live="polite">
            {start
              ? `${describeOffset(offset)}: ${formatDate(checklistItemDue(item, start, start).date)}`
              : `${describeOffset(offset)}. The launch start is not set yet, so there is no calendar date.`}
          </p>
        </div>
      )}
      {item.due?.anchor === 'date' && (
        <DateField
          label="Due on"
          value={item.due.date}
          onChange={(date) => onChange(date ? { anchor: 'date', date } : null)}
        />
      )}
    </fieldset>
  );
}

/** The partners involved: the linked names, each removable, and a picker for more. */
function PartnersEditor({
  item,
  plan,
  onChange,
}: {
  item: ChecklistItem;
  plan: Plan;
  onChange: (ids: string[]) => void;
}) {
  const pickerId = useId();
  const groups = partnerGroups(plan);
  const linked = new Set(item.partnerIds);
  const byId = new Map(plan.stakeholders.entries.map((e) => [e.id, e]));
  const title = titleOf(item);
  return (
    <fieldset className="ob-partners">
      <legend>Partners involved</legend>
      {item.partnerIds.length === 0 ? (
        <p className="section-note">No partners linked yet.</p>
      ) : (
        <ul className="ob-partner-chips">
          {item.partnerIds.map((id) => {
            const entry = byId.get(id);
            const name = entry ? entry.name.trim() || 'Unnamed' : 'Removed from the register';
            return (
              <li key={id} className="ob-chip">
                <span>{name}</span>
                <button
                  type="button"
                  className="subtle"
                  aria-label={`Unlink ${name} from “${title}”`}
                  onClick={() => onChange(item.partnerIds.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {groups.length === 0 ? (
        <p className="section-note">
          The stakeholder register is empty: add program and technology partners under Stakeholders
          &amp; partners to link them here.
        </p>
      ) : (
        <div className="field">
          <label htmlFor={pickerId}>Link a partner</label>
          <select
            id={pickerId}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange([...item.partnerIds, e.target.value]);
            }}
          >
            <option value="">Choose from the register…</option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.entries
                  .filter((e) => !linked.has(e.id))
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name.trim() || 'Unnamed'}
                      {e.organisation.trim() && e.organisation.trim() !== e.name.trim()
                        ? ` (${e.organisation.trim()})`
                        : ''}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** One checklist item: a summary row, and its editor when open. */
function ChecklistRow({
  item,
  index,
  count,
  plan,
  start,
  today,
  open,
  onToggle,
  onDeleted,
}: {
  item: ChecklistItem;
  index: number;
  count: number;
  plan: Plan;
  start: string | null;
  today: string;
  open: boolean;
  onToggle: () => void;
  onDeleted: () => void;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const editorId = useId();
  const statusId = useId();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const title = titleOf(item);
  const due = checklistItemDue(item, start, today);
  const names = partnerNames(plan, item.partnerIds);
  const update = (patch: Partial<ChecklistItem>) =>
    dispatch(checklistItems.update({ id: item.id, patch }));
  const move = (to: number, which: 'up' | 'down') => {
    dispatch(checklistItems.move({ id: item.id, to }));
    // The row moves in the DOM; keep the focus on the button that moved it.
    requestAnimationFrame(() => {
      const button =
        document.querySelector<HTMLButtonElement>(
          `[data-ob-item="${CSS.escape(item.id)}"] [data-ob-move="${which}"]:not(:disabled)`,
        ) ??
        document.querySelector<HTMLButtonElement>(
          `[data-ob-item="${CSS.escape(item.id)}"] [data-ob-toggle]`,
        );
      button?.focus();
    });
  };
  const remove = () => {
    const result = dispatch(checklistItems.remove({ ids: [item.id] }));
    if (!result.ok) notify(result.reason);
    else {
      notifyUndoable(`Deleted the checklist item “${title}”.`, result.stepId);
      onDeleted();
    }
  };
  return (
    <li
      ref={setNodeRef}
      style={{ transform: DndCSS.Transform.toString(transform), transition }}
      className={`ob-item ob-item--${due.state}${isDragging ? ' ob-item--dragging' : ''}`}
      data-ob-item={item.id}
    >
      <div className="ob-row">
        <button
          type="button"
          className="ob-drag-handle"
          aria-label={`Drag to reorder “${title}”`}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <div className="ob-row-main">
          <h3 className="ob-item-title">
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={editorId}
              data-ob-toggle
              onClick={onToggle}
            >
              {title}
            </button>
            {item.step === null && <span className="ob-tag">Custom</span>}
          </h3>
          <p className="ob-meta">
            <span className="ob-due-date">Due: {dueText(item, due)}</span>
            {(due.state === 'overdue' || due.state === 'dueSoon') && (
              <span className={`ob-due-state ob-due-state--${due.state}`}>
                {describeChecklistDue(due)}
              </span>
            )}
            {item.owner.trim() && <span>Owner: {item.owner.trim()}</span>}
            {names.length > 0 && <span>Partners: {names.join(', ')}</span>}
          </p>
        </div>
        <div className="ob-status">
          <label className="visually-hidden" htmlFor={statusId}>
            Status of “{title}”
          </label>
          <select
            id={statusId}
            className={`ob-status-select ob-status-select--${item.status}`}
            value={item.status}
            onChange={(e) => update({ status: e.target.value as ChecklistItem['status'] })}
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="ob-row-actions">
          <button
            type="button"
            className="subtle"
            data-ob-move="up"
            disabled={index === 0}
            aria-label={`Move “${title}” up`}
            onClick={() => move(index - 1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="subtle"
            data-ob-move="down"
            disabled={index === count - 1}
            aria-label={`Move “${title}” down`}
            onClick={() => move(index + 1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            className="subtle danger-text"
            aria-label={`Delete “${title}”`}
            onClick={remove}
          >
            Delete
          </button>
        </div>
      </div>
      {open && (
        <div className="ob-editor" id={editorId} role="group" aria-label={`Details of “${title}”`}>
          <TextField
            className="ob-span-2"
            label="Step"
            value={item.label}
            onChange={(label) => update({ label })}
            onBlur={seal}
          />
          <TextField
            label="Owner"
            value={item.owner}
            placeholder="Name and role"
            onChange={(owner) => update({ owner })}
            onBlur={seal}
          />
          <DueEditor item={item} start={start} today={today} onChange={(d) => update({ due: d })} />
          <PartnersEditor
            item={item}
            plan={plan}
            onChange={(partnerIds) => update({ partnerIds })}
          />
          <TextAreaField
            className="ob-span-all"
            label="Notes"
            value={item.notes}
            rows={3}
            onChange={(notes) => update({ notes })}
            onBlur={seal}
          />
        </div>
      )}
    </li>
  );
}

/** The launch start, and a way to set it when the timeline has none. */
function LaunchStartNote({ start, relative }: { start: string | null; relative: number }) {
  const dispatch = useDispatch();
  if (start)
    return (
      <p className="ob-launch">
        Launch starts <strong>{formatDate(start)}</strong>.{' '}
        {relative > 0 &&
          `${relative === 1 ? 'One due date follows' : `${relative} due dates follow`} it: move the launch and they move with it. `}
        <button
          type="button"
          className="link-button"
          onClick={() => goToSection('objective', 'launch-start')}
        >
          Change the launch start in the Objective’s timeline
        </button>
      </p>
    );
  return (
    <div className="ob-launch ob-launch--missing" role="region" aria-label="Launch start">
      <p>
        <strong>The plan has no launch start yet</strong>, so due dates counted from the launch
        cannot be shown as calendar dates. Set it here or in the Objective’s timeline.
      </p>
      <DateField
        label="Launch starts"
        value={null}
        onChange={(date) => dispatch(setPhaseDate({ phase: 'launch', end: 'start', date }))}
      />
    </div>
  );
}

/** The Onboarding checklist section. */
export function OnboardingSection() {
  const plan = usePlan((p) => p);
  const dispatch = useDispatch();
  const today = useToday();
  const items = plan.launch.checklist;
  const start = launchStart(plan);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set(focus ? [focus] : []));
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setOpenIds((s) => new Set([...s, focus]));
  }
  // A Plan health finding (or an undo's "Go there") names an item: open it, bring it into view.
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector<HTMLElement>(`[data-ob-item="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'start' });
    row?.querySelector<HTMLElement>('[data-ob-toggle]')?.focus({ preventScroll: true });
  }, [focus]);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = items.findIndex((i) => i.id === over.id);
    if (to >= 0) dispatch(checklistItems.move({ id: String(active.id), to }));
  };
  const [newLabel, setNewLabel] = useState('');
  const newLabelId = useId();

  const dues = useMemo(
    () => items.map((item) => checklistItemDue(item, start, today)),
    [items, start, today],
  );
  const alerts = {
    overdue: dues.filter((d) => d.state === 'overdue').length,
    dueSoon: dues.filter((d) => d.state === 'dueSoon').length,
  };
  const done = items.filter((i) => i.status === 'done').length;
  const relative = items.filter((i) => i.due?.anchor === 'launch').length;
  const attention = describeAlerts(alerts);

  const toggle = (id: string) =>
    setOpenIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const add = () => {
    const item = blankChecklistItem(newLabel.trim() || 'New onboarding step');
    if (dispatch(checklistItems.add({ item })).ok) {
      setNewLabel('');
      setOpenIds((s) => new Set([...s, item.id]));
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLButtonElement>(
            `[data-ob-item="${CSS.escape(item.id)}"] [data-ob-toggle]`,
          )
          ?.focus(),
      );
    }
  };

  return (
    <div className="section-body onboarding-section">
      <header className="section-header">
        <h1>Onboarding checklist</h1>
        <p className="lead">
          The steps that get learners from an invitation to their first lesson. The six usual steps
          are here already; adjust them, give each an owner and a date, and add your own.
        </p>
        <p className="ob-summary" role="status">
          <span>
            {done} of {items.length} done
          </span>
          {attention ? (
            <span className={`ob-attention${alerts.overdue > 0 ? ' ob-attention--overdue' : ''}`}>
              {attention}
            </span>
          ) : (
            items.length > done && <span>Nothing overdue or due this week.</span>
          )}
        </p>
      </header>

      <LaunchStartNote start={start} relative={relative} />

      <section className="card" aria-labelledby="ob-list-heading">
        <h2 id="ob-list-heading" ref={listHeading} tabIndex={-1}>
          Checklist
        </h2>
        <p className="section-note">
          Reorder with the arrow buttons, or drag the handle (with the keyboard: focus it, press
          Space, move with the arrow keys, press Space to drop).
        </p>
        {items.length === 0 ? (
          <p className="empty-note">No items yet. Add the first step below.</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements: sortableAnnouncements(
                items.map((i) => i.id),
                (id) => items.find((i) => i.id === id)?.label || 'Untitled item',
              ),
              screenReaderInstructions: SORTABLE_INSTRUCTIONS,
            }}
          >
            <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
              <ol className="ob-list">
                {items.map((item, i) => (
                  <ChecklistRow
                    key={item.id}
                    item={item}
                    index={i}
                    count={items.length}
                    plan={plan}
                    start={start}
                    today={today}
                    open={openIds.has(item.id)}
                    onToggle={() => toggle(item.id)}
                    onDeleted={() => listHeading.current?.focus()}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
        <form
          className="ob-add"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <div className="field">
            <label htmlFor={newLabelId}>New item</label>
            <input
              id={newLabelId}
              type="text"
              maxLength={500}
              value={newLabel}
              placeholder="e.g. Brief youth centre staff on the sign-up steps"
              onChange={(e) => setNewLabel(e.target.value)}
            />
          </div>
          <button type="submit">Add item</button>
        </form>
        <p className="section-note">
          A new item is due on launch day; open it to change the date, owner and partners.
        </p>
      </section>
    </div>
  );
}
