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
import { Trans, useTranslation } from 'react-i18next';
import { blankChecklistItem, checklistItems } from '../../../../shared/commands/launch-checklist';
import { setPhaseDate } from '../../../../shared/commands/objective';
import {
  checklistItemDue,
  describeAlerts,
  describeChecklistDue,
  describeOffset,
  partnerGroups,
  partnerNames,
  type ChecklistDue,
} from '../../../../shared/launch/checklist';
import { NAMESPACES, type Translator } from '../../../../shared/i18n/translator';
import type { Format } from '../../../../shared/i18n/format';
import { directionOf } from '../../../../shared/i18n/languages';
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
import { isolate } from '../../i18n/bidi';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { useToday } from '../stakeholders/today';
import './onboarding.css';
import {
  SORTABLE_INSTRUCTIONS,
  sortableAnnouncements,
} from '../../components/sortable-announcements';

/** The drag handle's glyph (not words). */
const HANDLE = '⠿';

const STATUSES: readonly ChecklistItem['status'][] = [
  'notStarted',
  'inProgress',
  'blocked',
  'done',
];

/**
 * Names as a list the language's way ("A, B" in English, "A y B" in Spanish);
 * right to left each name is isolated, so a Latin name keeps its place beside "و".
 */
const listOf = (format: Format, names: readonly string[]) =>
  new Intl.ListFormat(format.locale, { style: 'long', type: 'unit' }).format(
    directionOf(format.language) === 'rtl' ? names.map(isolate) : names,
  );

/** The UI's translator and formats, for the shared functions that word due dates (changes with the language). */
function useWords(): { t: Translator; format: Format } {
  const { i18n } = useTranslation('onboarding');
  const format = useFormat();
  return useMemo(
    () => ({ t: i18n.getFixedT(format.language, NAMESPACES) as Translator, format }),
    [i18n, format],
  );
}

/** The due date as shown on a row: "18 March 2027 (14 days before launch)". */
function dueText(item: ChecklistItem, due: ChecklistDue, t: Translator, format: Format): string {
  if (!item.due) return t('onboarding:due.none');
  if (item.due.anchor === 'date') return format.date(item.due.date);
  const rule = describeOffset(item.due.offsetDays, t);
  return due.date
    ? t('onboarding:row.dueWithRule', {
        date: format.date(due.date),
        rule: rule.toLocaleLowerCase(format.locale),
      })
    : t('onboarding:row.dueNoStart', { rule });
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
  const { t } = useTranslation('onboarding');
  const words = useWords();
  const name = useId();
  const kind: DueKind = item.due ? item.due.anchor : 'none';
  const offset = item.due?.anchor === 'launch' ? item.due.offsetDays : 0;
  // On launch day (0 days) the sign says nothing: remember the side chosen.
  const [chosenSide, setChosenSide] = useState<'before' | 'after'>(offset > 0 ? 'after' : 'before');
  const side = offset > 0 ? 'after' : offset < 0 ? 'before' : chosenSide;
  const title = item.label.trim() || t('untitledItem');
  const kinds: readonly (readonly [DueKind, string])[] = [
    ['launch', t('dueEditor.relative')],
    ['date', t('dueEditor.fixed')],
    ['none', t('due.none')],
  ];
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
      <legend>{t('dueEditor.legend')}</legend>
      <div className="ob-due-kinds" role="radiogroup" aria-label={t('dueEditor.when', { title })}>
        {kinds.map(([value, label]) => (
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
            label={t('dueEditor.days')}
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
            label={t('dueEditor.side')}
            value={side}
            options={[
              { value: 'before', label: t('dueEditor.before') },
              { value: 'after', label: t('dueEditor.after') },
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
              ? t('dueEditor.resolved', {
                  rule: describeOffset(offset, words.t),
                  date: words.format.date(checklistItemDue(item, start, start).date),
                })
              : t('dueEditor.noStart', { rule: describeOffset(offset, words.t) })}
          </p>
        </div>
      )}
      {item.due?.anchor === 'date' && (
        <DateField
          label={t('dueEditor.dueOn')}
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
  const { t } = useTranslation('onboarding');
  const words = useWords();
  const pickerId = useId();
  const groups = partnerGroups(plan, words.t);
  const linked = new Set(item.partnerIds);
  const byId = new Map(plan.stakeholders.entries.map((e) => [e.id, e]));
  const title = item.label.trim() || t('untitledItem');
  return (
    <fieldset className="ob-partners">
      <legend>{t('partners.legend')}</legend>
      {item.partnerIds.length === 0 ? (
        <p className="section-note">{t('partners.none')}</p>
      ) : (
        <ul className="ob-partner-chips">
          {item.partnerIds.map((id) => {
            const entry = byId.get(id);
            const name = entry ? entry.name.trim() || t('unnamed') : t('partners.removed');
            return (
              <li key={id} className="ob-chip">
                <span>{name}</span>
                <button
                  type="button"
                  className="subtle"
                  aria-label={t('partners.unlink', { name, title })}
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
        <p className="section-note">{t('partners.emptyRegister')}</p>
      ) : (
        <div className="field">
          <label htmlFor={pickerId}>{t('partners.link')}</label>
          <select
            id={pickerId}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange([...item.partnerIds, e.target.value]);
            }}
          >
            <option value="">{t('partners.choose')}</option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.entries
                  .filter((e) => !linked.has(e.id))
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.organisation.trim() && e.organisation.trim() !== e.name.trim()
                        ? t('partners.option', {
                            name: e.name.trim() || t('unnamed'),
                            organisation: e.organisation.trim(),
                          })
                        : e.name.trim() || t('unnamed')}
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
  const { t } = useTranslation('onboarding');
  const words = useWords();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const editorId = useId();
  const statusId = useId();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const title = item.label.trim() || t('untitledItem');
  const due = checklistItemDue(item, start, today);
  const names = partnerNames(plan, item.partnerIds, words.t);
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
      notifyUndoable(t('row.deleted', { title }), result.stepId);
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
          aria-label={t('row.drag', { title })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">{HANDLE}</span>
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
            {item.step === null && <span className="ob-tag">{t('row.custom')}</span>}
          </h3>
          <p className="ob-meta">
            <span className="ob-due-date">
              {t('row.due', { due: dueText(item, due, words.t, words.format) })}
            </span>
            {(due.state === 'overdue' || due.state === 'dueSoon') && (
              <span className={`ob-due-state ob-due-state--${due.state}`}>
                {describeChecklistDue(due, words.t)}
              </span>
            )}
            {item.owner.trim() && <span>{t('row.owner', { owner: item.owner.trim() })}</span>}
            {names.length > 0 && (
              <span>{t('row.partners', { names: listOf(words.format, names) })}</span>
            )}
          </p>
        </div>
        <div className="ob-status">
          <label className="visually-hidden" htmlFor={statusId}>
            {t('row.status', { title })}
          </label>
          <select
            id={statusId}
            className={`ob-status-select ob-status-select--${item.status}`}
            value={item.status}
            onChange={(e) => update({ status: e.target.value as ChecklistItem['status'] })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
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
            aria-label={t('row.moveUp', { title })}
            onClick={() => move(index - 1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="subtle"
            data-ob-move="down"
            disabled={index === count - 1}
            aria-label={t('row.moveDown', { title })}
            onClick={() => move(index + 1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            className="subtle danger-text"
            aria-label={t('row.deleteLabel', { title })}
            onClick={remove}
          >
            {t('row.delete')}
          </button>
        </div>
      </div>
      {open && (
        <div
          className="ob-editor"
          id={editorId}
          role="group"
          aria-label={t('editor.details', { title })}
        >
          <TextField
            className="ob-span-2"
            label={t('editor.step')}
            value={item.label}
            onChange={(label) => update({ label })}
            onBlur={seal}
          />
          <TextField
            label={t('editor.owner')}
            value={item.owner}
            placeholder={t('editor.ownerPlaceholder')}
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
            label={t('editor.notes')}
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
  const { t } = useTranslation('onboarding');
  const format = useFormat();
  const dispatch = useDispatch();
  if (start)
    return (
      <p className="ob-launch">
        <Trans
          t={t}
          i18nKey="launch.starts"
          values={{ date: format.date(start) }}
          components={{ strong: <strong /> }}
        />{' '}
        {relative > 0 && `${t('launch.follow', { count: relative })} `}
        <button
          type="button"
          className="link-button"
          onClick={() => goToSection('objective', 'launch-start')}
        >
          {t('launch.change')}
        </button>
      </p>
    );
  return (
    <div className="ob-launch ob-launch--missing" role="region" aria-label={t('launch.region')}>
      <p>
        <Trans t={t} i18nKey="launch.missing" components={{ strong: <strong /> }} />
      </p>
      <DateField
        label={t('launch.startsLabel')}
        value={null}
        onChange={(date) => dispatch(setPhaseDate({ phase: 'launch', end: 'start', date }))}
      />
    </div>
  );
}

/** The Onboarding checklist section. */
export function OnboardingSection() {
  const { t } = useTranslation('onboarding');
  const words = useWords();
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
  const attention = describeAlerts(alerts, words.t);

  const toggle = (id: string) =>
    setOpenIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const add = () => {
    const item = blankChecklistItem(newLabel.trim() || t('add.defaultLabel'));
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
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="ob-summary" role="status">
          <span>{t('summary.done', { done, total: items.length })}</span>
          {attention ? (
            <span className={`ob-attention${alerts.overdue > 0 ? ' ob-attention--overdue' : ''}`}>
              {attention}
            </span>
          ) : (
            items.length > done && <span>{t('summary.nothingDue')}</span>
          )}
        </p>
      </header>

      <LaunchStartNote start={start} relative={relative} />

      <section className="card" aria-labelledby="ob-list-heading">
        <h2 id="ob-list-heading" ref={listHeading} tabIndex={-1}>
          {t('list.heading')}
        </h2>
        <p className="section-note">{t('list.how')}</p>
        {items.length === 0 ? (
          <p className="empty-note">{t('list.empty')}</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements: sortableAnnouncements(
                items.map((i) => i.id),
                (id) => items.find((i) => i.id === id)?.label || t('untitledItem'),
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
            <label htmlFor={newLabelId}>{t('add.label')}</label>
            <input
              id={newLabelId}
              type="text"
              maxLength={500}
              value={newLabel}
              placeholder={t('add.placeholder')}
              onChange={(e) => setNewLabel(e.target.value)}
            />
          </div>
          <button type="submit">{t('add.button')}</button>
        </form>
        <p className="section-note">{t('add.note')}</p>
      </section>
    </div>
  );
}
