/**
 * Communications (Launch): the launch details the messages refer to
 * (registration link, support contact) and the launch e-mail, registration
 * e-mail, onboarding guide, reminders and other messages — each with its
 * audience (learner segments plus a note), send date (days from the launch
 * start, or a fixed date), status and a template text whose merge fields
 * are shown filled in a live preview. "Add launch e-mail" gives a complete
 * draft at once. Each communication exports as Word, plain text or .eml,
 * saved the way the plan's exports are (a save dialog on the desktop, a
 * download in the browser).
 */
import { useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { communications, updateLaunchDetails } from '../../../../shared/commands/communications';
import type { Format } from '../../../../shared/i18n/format';
import { directionOf } from '../../../../shared/i18n/languages';
import {
  COMMUNICATION_KINDS,
  draftCommunication,
} from '../../../../shared/launch/communication-drafts';
import {
  communicationEml,
  communicationFileName,
  communicationPlainText,
  type CommunicationFileKind,
} from '../../../../shared/launch/communication-export';
import {
  FIELD_INFO,
  fieldToken,
  fillCommunication,
  MAIL_TOOL_STYLES,
  pathwaysFor,
  type LearnerStyle,
  type MergePart,
  type MergeField,
  type MergeProblem,
  type PlanField,
} from '../../../../shared/launch/merge-fields';
import { launchStart, resolveLaunchDate } from '../../../../shared/launch/onboarding';
import type { Communication, LaunchDate, Plan } from '../../../../shared/plan/schema';
import { goToSection, notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { isolate } from '../../i18n/bidi';
import { documentTranslator } from '../../i18n/document-translator';
import { i18n, useFormat } from '../../i18n/i18n';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { detectPlatform } from '../../platform/platform';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import './communications.css';
import { webAddress } from '../../../../shared/web-address';

const STATUSES: readonly Communication['status'][] = ['draft', 'ready', 'sent'];

/** The translator of this section (its keys are checked against the English catalog). */
type T = TFunction<'communications'>;

/**
 * Names as a list the language's way ("A, B" in English, "A y B" in Spanish);
 * right to left each name is isolated, so a Latin name keeps its place beside "و".
 */
const listOf = (format: Format, names: readonly string[]) =>
  new Intl.ListFormat(format.locale, { style: 'long', type: 'unit' }).format(
    directionOf(format.language) === 'rtl' ? names.map(isolate) : names,
  );

/** A kind's name in the UI's language ("Launch e-mail"). */
const kindName = (t: T, kind: Communication['kind']) => t(`kinds.${kind}.label`);

/** The title, else the kind's name. */
const titleOf = (t: T, c: Communication) => c.title.trim() || kindName(t, c.kind);

/** "3 days before launch", "On launch day", "11 days after launch". */
function describeOffset(t: T, days: number): string {
  if (days === 0) return t('send.onLaunchDay');
  const count = Math.abs(days);
  return days < 0 ? t('send.before', { count }) : t('send.after', { count });
}

/** The send date as shown on a row. */
function sendText(t: T, format: Format, c: Communication, start: string | null): string {
  if (!c.send) return t('send.none');
  if (c.send.anchor === 'date') return format.date(c.send.date);
  const rule = describeOffset(t, c.send.offsetDays);
  const date = resolveLaunchDate(c.send, start);
  return date
    ? t('send.withRule', { date: format.date(date), rule: rule.toLocaleLowerCase(format.locale) })
    : t('send.noStart', { rule });
}

/** A field's name in words ("registration link"). */
const fieldLabel = (t: T, field: string) =>
  FIELD_INFO.some((f) => f.name === field)
    ? t(`fields.${field as MergeField}.label`)
    : field === 'daysInactive'
      ? t('fields.daysInactive.label')
      : field;

const MISSING = { kind: 'missing' } as const;
const UNKNOWN = { kind: 'unknown' } as const;

/** What is wrong with a field and what to do: “Registration link is not set — add it in Launch details”. */
function problemText(t: T, p: Pick<MergeProblem, 'kind' | 'name' | 'invalid'>): string {
  if (p.kind === 'unknown') return t('problems.unknown', { token: `{${p.name}}` });
  if (p.invalid) return t('problems.invalidLink');
  return t(`problems.missing.${p.name as PlanField}`);
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

type SendKind = 'launch' | 'date' | 'none';

/** Edits the send date: days before/after the launch start, a fixed date, or none yet. */
function SendEditor({
  c,
  start,
  onChange,
}: {
  c: Communication;
  start: string | null;
  onChange: (send: LaunchDate | null) => void;
}) {
  const { t } = useTranslation('communications');
  const format = useFormat();
  const name = useId();
  const kind: SendKind = c.send ? c.send.anchor : 'none';
  const offset = c.send?.anchor === 'launch' ? c.send.offsetDays : 0;
  const title = titleOf(t, c);
  const kinds: readonly (readonly [SendKind, string])[] = [
    ['launch', t('send.relative')],
    ['date', t('send.fixed')],
    ['none', t('send.notScheduled')],
  ];
  const setKind = (next: SendKind) => {
    if (next === kind) return;
    if (next === 'none') onChange(null);
    else if (next === 'launch') {
      const from = c.send?.anchor === 'date' && start ? daysBetween(start, c.send.date) : 0;
      onChange({ anchor: 'launch', offsetDays: Math.max(-3650, Math.min(3650, from)) });
    } else {
      const date = resolveLaunchDate(c.send, start) ?? start;
      onChange({ anchor: 'date', date: date ?? new Date().toISOString().slice(0, 10) });
    }
  };
  return (
    <fieldset className="cm-send">
      <legend>{t('send.legend')}</legend>
      <div className="cm-send-kinds" role="radiogroup" aria-label={t('send.when', { title })}>
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
      {c.send?.anchor === 'launch' && (
        <div className="cm-send-relative">
          <NumberField
            label={t('send.days')}
            value={Math.abs(offset)}
            min={0}
            max={3650}
            integer
            required
            onChange={(days) =>
              onChange({ anchor: 'launch', offsetDays: offset > 0 ? (days ?? 0) : -(days ?? 0) })
            }
          />
          <SelectField
            label={t('send.side')}
            value={offset > 0 ? 'after' : 'before'}
            options={[
              { value: 'before', label: t('send.beforeLaunch') },
              { value: 'after', label: t('send.afterLaunch') },
            ]}
            onChange={(side) =>
              onChange({
                anchor: 'launch',
                offsetDays: side === 'after' ? Math.abs(offset) : -Math.abs(offset),
              })
            }
          />
          <p className="cm-send-resolved" aria-live="polite">
            {start
              ? t('send.resolved', {
                  rule: describeOffset(t, offset),
                  date: format.date(resolveLaunchDate(c.send, start)),
                })
              : t('send.resolvedNoStart', { rule: describeOffset(t, offset) })}
          </p>
        </div>
      )}
      {c.send?.anchor === 'date' && (
        <DateField
          label={t('send.on')}
          value={c.send.date}
          onChange={(date) => onChange(date ? { anchor: 'date', date } : null)}
        />
      )}
    </fieldset>
  );
}

/** The audience: learner segments (checkboxes, so several can be picked by keyboard) and a note. */
function AudienceEditor({
  c,
  plan,
  onChange,
  onBlur,
}: {
  c: Communication;
  plan: Plan;
  onChange: (patch: Partial<Communication>) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation('communications');
  const chosen = new Set(c.segmentIds);
  const title = titleOf(t, c);
  const gone = c.segmentIds.filter((id) => !plan.learners.some((s) => s.id === id));
  return (
    <fieldset className="cm-audience">
      <legend>{t('audience.legend')}</legend>
      {plan.learners.length === 0 ? (
        <p className="section-note">{t('audience.noSegments')}</p>
      ) : (
        <>
          <p className="section-note" id={`${c.id}-audience-hint`}>
            {c.segmentIds.length === 0
              ? t('audience.everyone')
              : t('audience.goesTo', {
                  chosen: c.segmentIds.length - gone.length,
                  count: plan.learners.length,
                })}
          </p>
          <ul className="cm-segments" aria-label={t('audience.segments', { title })}>
            {plan.learners.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(s.id)}
                    onChange={(e) =>
                      onChange({
                        segmentIds: e.target.checked
                          ? [...c.segmentIds, s.id]
                          : c.segmentIds.filter((id) => id !== s.id),
                      })
                    }
                  />
                  {s.name.trim() || t('audience.unnamedSegment')}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <TextField
        label={t('audience.note')}
        value={c.audienceNote}
        placeholder={t('audience.notePlaceholder')}
        onChange={(audienceNote) => onChange({ audienceNote })}
        onBlur={onBlur}
      />
    </fieldset>
  );
}

/** A filled template: values as text, learner fields and problems clearly marked. */
function FilledText({ parts }: { parts: readonly MergePart[] }) {
  const { t } = useTranslation('communications');
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case 'text':
            return <span key={i}>{part.text}</span>;
          case 'value':
            return (
              <span key={i} className="cm-value" title={t('preview.fromPlan')}>
                {part.text}
              </span>
            );
          case 'learner':
            return (
              <span key={i} className="cm-learner" title={t('preview.byMailTool')}>
                {t('preview.learner', { label: fieldLabel(t, part.field) })}
              </span>
            );
          case 'missing':
            return (
              <mark
                key={i}
                className="cm-problem"
                title={problemText(t, { ...MISSING, name: part.field, invalid: part.invalid })}
              >
                {t('preview.missing', { label: fieldLabel(t, part.field) })}
              </mark>
            );
          case 'unknown':
            return (
              <mark
                key={i}
                className="cm-problem"
                title={problemText(t, { ...UNKNOWN, name: part.name })}
              >
                {t('preview.unknown', { name: part.name })}
              </mark>
            );
        }
      })}
    </>
  );
}

/** Brings a launch detail's field into view and puts the cursor in it. */
function focusDetail(name: string): void {
  const input = document.querySelector<HTMLInputElement>(`.cm-detail-${name} input`);
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
}

/** What the guide's Word file adds to its text, from the plan. */
function GuideNote({ c, plan }: { c: Communication; plan: Plan }) {
  const { t } = useTranslation('communications');
  const format = useFormat();
  const pathways = pathwaysFor(plan, c.segmentIds).map((p) => p.name.trim());
  return (
    <p className="section-note cm-guide-note">
      {pathways.length === 0
        ? t('guide.noPathway')
        : pathways.length === 1
          ? t('guide.onePathway', { name: pathways[0] })
          : t('guide.pathways', { count: pathways.length, names: listOf(format, pathways) })}
    </p>
  );
}

/** The live preview of one communication, with what is missing and where to fix it. */
function Preview({ c, plan }: { c: Communication; plan: Plan }) {
  const { t } = useTranslation('communications');
  const filled = fillCommunication(plan, c);
  const title = titleOf(t, c);
  return (
    <section className="cm-preview" aria-label={t('preview.label', { title })}>
      <h4>{t('preview.heading')}</h4>
      <p className="cm-preview-subject">
        <span className="cm-preview-label">{t('preview.subject')} </span>
        <FilledText parts={filled.subject} />
      </p>
      <div className="cm-preview-body" data-testid="preview-body">
        <FilledText parts={filled.body} />
      </div>
      {c.kind === 'onboardingGuide' && <GuideNote c={c} plan={plan} />}
      {filled.problems.length > 0 ? (
        <div className="cm-problems" role="status">
          <p>
            <strong>{t('preview.cannotFill', { count: filled.problems.length })}</strong>
          </p>
          <ul>
            {filled.problems.map((p) => (
              <li key={`${p.kind}:${p.name}`}>
                {problemText(t, p)}
                {p.kind === 'missing' &&
                  (p.name === 'programName' ||
                    p.name === 'organisation' ||
                    p.name === 'region' ||
                    p.name === 'launchDate') && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          goToSection(
                            'objective',
                            p.name === 'launchDate' ? 'launch-start' : undefined,
                          )
                        }
                      >
                        {t('preview.goObjective')}
                      </button>
                    </>
                  )}
                {p.kind === 'missing' &&
                  (p.name === 'registrationLink' || p.name === 'supportContact') && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => focusDetail(p.name)}
                      >
                        {t('preview.fillIn')}
                      </button>
                    </>
                  )}
                {p.kind === 'missing' && p.name === 'pathway' && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => goToSection('pathways')}
                    >
                      {t('preview.goPathways')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="section-note">{t('preview.allFilled')}</p>
      )}
    </section>
  );
}

/** Longest text a communication holds (the plan file's limit for long texts). */
const BODY_MAX = 20_000;

/** The body's text area with an Insert field menu that puts a field at the cursor. */
function BodyEditor({
  c,
  onChange,
  onBlur,
}: {
  c: Communication;
  onChange: (body: string) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation('communications');
  const format = useFormat();
  const id = useId();
  const insertId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  // The field is chosen, then inserted with the button: arrowing through a
  // closed select changes its value at each key, which must not insert.
  const [choice, setChoice] = useState('');
  const caret = useRef<{ start: number; end: number } | null>(null);
  const remember = () => {
    const el = area.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  const insert = (name: string) => {
    const info = FIELD_INFO.find((f) => f.name === name);
    if (!info) return;
    const token = fieldToken(info.name);
    const at = caret.current ?? { start: c.body.length, end: c.body.length };
    const next = c.body.slice(0, at.start) + token + c.body.slice(at.end);
    if (next.length > BODY_MAX) {
      notify(t('body.atLimit', { max: format.number(BODY_MAX) }));
      return;
    }
    onChange(next);
    onBlur();
    const cursor = at.start + token.length;
    caret.current = { start: cursor, end: cursor };
    requestAnimationFrame(() => {
      const el = area.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(cursor, cursor);
    });
  };
  return (
    <div className="cm-body">
      <div className="cm-insert">
        <div className="field">
          <label htmlFor={insertId}>{t('body.fieldToInsert')}</label>
          <select id={insertId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('body.chooseField')}</option>
            <optgroup label={t('body.learnerGroup')}>
              {FIELD_INFO.filter((f) => f.learner).map((f) => (
                <option key={f.name} value={f.name}>
                  {t('body.learnerOption', {
                    token: fieldToken(f.name),
                    label: t(`fields.${f.name}.label`),
                  })}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('body.planGroup')}>
              {FIELD_INFO.filter((f) => !f.learner).map((f) => (
                <option key={f.name} value={f.name}>
                  {t('body.planOption', {
                    token: fieldToken(f.name),
                    label: t(`fields.${f.name}.label`),
                    source: t(`fields.${f.name}.source`),
                  })}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <button
          type="button"
          disabled={!choice}
          onClick={() => {
            insert(choice);
            setChoice('');
          }}
        >
          {t('body.insert')}
        </button>
      </div>
      <div className="field cm-body-field">
        <label htmlFor={id}>{t('body.text')}</label>
        <textarea
          id={id}
          ref={area}
          rows={12}
          value={c.body}
          maxLength={BODY_MAX}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            onChange(e.target.value);
            caret.current = { start: e.target.selectionStart, end: e.target.selectionEnd };
          }}
          onSelect={remember}
          onKeyUp={remember}
          onClick={remember}
          onBlur={() => {
            remember();
            onBlur();
          }}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {t('body.hint', { token: '{programName}' })}
        </p>
      </div>
    </div>
  );
}

/** Saves one communication as a file, the way the plan's exports are saved. */
/** Where the chosen mail tool is remembered (a setting of this computer, not plan data). */
const MAIL_TOOL_KEY = 'upskill.communications.mailTool';

function storedMailTool(): LearnerStyle {
  try {
    const value = localStorage.getItem(MAIL_TOOL_KEY);
    return MAIL_TOOL_STYLES.some((t) => t.style === value) ? (value as LearnerStyle) : 'token';
  } catch {
    return 'token';
  }
}

/** The mail tool whose merge syntax .eml and plain-text exports use, remembered on this computer. */
function useMailTool(): [LearnerStyle, (style: LearnerStyle) => void] {
  const [style, setStyle] = useState<LearnerStyle>(storedMailTool);
  return [
    style,
    (next) => {
      setStyle(next);
      try {
        localStorage.setItem(MAIL_TOOL_KEY, next);
      } catch {
        // Not remembered (storage full or off): the choice holds for this visit.
      }
    },
  ];
}

async function exportCommunication(
  plan: Plan,
  c: Communication,
  kind: CommunicationFileKind,
  learner: LearnerStyle = 'token',
) {
  const name = communicationFileName(plan, c, kind);
  try {
    let bytes: Uint8Array;
    if (kind === 'docx') {
      const [{ buildShortDocx }, { communicationDocument }] = await Promise.all([
        import('../../../../shared/export/docx'),
        import('../../../../shared/launch/communication-export'),
      ]);
      bytes = await buildShortDocx(communicationDocument(plan, c));
    } else {
      const text =
        kind === 'eml'
          ? communicationEml(plan, c, new Date(), learner)
          : communicationPlainText(plan, c, learner);
      bytes = new TextEncoder().encode(text);
    }
    const result = await detectPlatform().saveExport(name, bytes, kind);
    if (result.kind === 'saved')
      notify(i18n.t('communications:export.saved', { kind, path: result.path }));
    else if (result.kind === 'error')
      notify(i18n.t('communications:export.notSaved', { message: result.message }));
  } catch (error) {
    notify(
      i18n.t('communications:export.failed', {
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

/** One communication: a summary row, and its editor and preview when open. */
function CommunicationRow({
  c,
  index,
  count,
  plan,
  start,
  open,
  onToggle,
  onDeleted,
}: {
  c: Communication;
  index: number;
  count: number;
  plan: Plan;
  start: string | null;
  open: boolean;
  onToggle: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('communications');
  const format = useFormat();
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const editorId = useId();
  const title = titleOf(t, c);
  const problemList = fillCommunication(plan, c).problems;
  const problems = problemList.length;
  // An export with fields the plan cannot fill asks first (they would show as "[… not set]").
  const [unfilledExport, setUnfilledExport] = useState<'docx' | 'eml' | 'txt' | null>(null);
  const [mailTool, setMailTool] = useMailTool();
  const exportAs = (kind: 'docx' | 'eml' | 'txt') =>
    problems > 0 ? setUnfilledExport(kind) : void exportCommunication(plan, c, kind, mailTool);
  const update = (patch: Partial<Communication>) =>
    dispatch(communications.update({ id: c.id, patch }));
  const move = (to: number, which: 'up' | 'down') => {
    dispatch(communications.move({ id: c.id, to }));
    requestAnimationFrame(() =>
      (
        document.querySelector<HTMLButtonElement>(
          `[data-cm-item="${CSS.escape(c.id)}"] [data-cm-move="${which}"]:not(:disabled)`,
        ) ??
        document.querySelector<HTMLButtonElement>(
          `[data-cm-item="${CSS.escape(c.id)}"] [data-cm-toggle]`,
        )
      )?.focus(),
    );
  };
  const remove = () => {
    const result = dispatch(communications.remove({ ids: [c.id] }));
    if (!result.ok) notify(result.reason);
    else {
      notifyUndoable(t('row.deleted', { title }), result.stepId);
      onDeleted();
    }
  };
  return (
    <li className={`cm-item cm-item--${c.status}`} data-cm-item={c.id}>
      {unfilledExport && (
        <Dialog
          role="alertdialog"
          title={t('unfilled.title', { count: problems })}
          onClose={() => setUnfilledExport(null)}
          actions={
            <>
              <button type="button" onClick={() => setUnfilledExport(null)}>
                {t('unfilled.back')}
              </button>
              <button
                type="button"
                onClick={() => {
                  void exportCommunication(plan, c, unfilledExport, mailTool);
                  setUnfilledExport(null);
                }}
              >
                {t('unfilled.anyway')}
              </button>
            </>
          }
        >
          <p>{t('unfilled.text', { title })}</p>
          <ul>
            {problemList.map((p) => (
              <li key={`${p.kind}:${p.name}`}>{t('unfilled.item', { text: problemText(t, p) })}</li>
            ))}
          </ul>
        </Dialog>
      )}
      <div className="cm-row">
        <div className="cm-row-main">
          <h3 className="cm-item-title">
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={editorId}
              data-cm-toggle
              onClick={onToggle}
            >
              {title}
            </button>
            <span className="cm-tag">{kindName(t, c.kind)}</span>
          </h3>
          <p className="cm-meta">
            <span>{t('row.send', { send: sendText(t, format, c, start) })}</span>
            {problems > 0 && (
              <span className="cm-warn">{t('row.notFilled', { count: problems })}</span>
            )}
          </p>
        </div>
        <label className="cm-status">
          <span aria-hidden="true">{t('row.statusLabel')}</span>
          <select
            aria-label={t('row.status', { title })}
            value={c.status}
            onChange={(e) => update({ status: e.target.value as Communication['status'] })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="cm-row-actions">
          <button
            type="button"
            className="subtle"
            data-cm-move="up"
            disabled={index === 0}
            aria-label={t('row.moveUp', { title })}
            onClick={() => move(index - 1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="subtle"
            data-cm-move="down"
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
          className="cm-editor"
          id={editorId}
          role="group"
          aria-label={t('editor.label', { title })}
        >
          <div className="cm-edit-col">
            <div className="cm-pair">
              <TextField
                label={t('editor.title')}
                value={c.title}
                onChange={(text) => update({ title: text })}
                onBlur={seal}
              />
              <SelectField
                label={t('editor.kind')}
                value={c.kind}
                options={COMMUNICATION_KINDS.map((k) => ({
                  value: k.kind,
                  label: kindName(t, k.kind),
                }))}
                onChange={(kind) => update({ kind })}
              />
            </div>
            <TextField
              label={t('editor.subject')}
              value={c.subject}
              hint={t('editor.subjectHint', { token: '{programName}' })}
              onChange={(subject) => update({ subject })}
              onBlur={seal}
            />
            <AudienceEditor c={c} plan={plan} onChange={update} onBlur={seal} />
            <SendEditor c={c} start={start} onChange={(send) => update({ send })} />
            <BodyEditor c={c} onChange={(body) => update({ body })} onBlur={seal} />
          </div>
          <div className="cm-preview-col">
            <Preview c={c} plan={plan} />
            <div className="cm-exports" role="group" aria-label={t('exports.label', { title })}>
              <button type="button" onClick={() => exportAs('docx')}>
                {t('exports.docx')}
              </button>
              <button type="button" onClick={() => exportAs('eml')}>
                {t('exports.eml')}
              </button>
              <button type="button" onClick={() => exportAs('txt')}>
                {t('exports.txt')}
              </button>
            </div>
            <SelectField
              label={t('exports.mailTool')}
              value={mailTool}
              options={MAIL_TOOL_STYLES.map((tool) => ({
                value: tool.style,
                label:
                  tool.style === 'token'
                    ? t('exports.otherTool', { token: '{firstName}' })
                    : tool.label,
              }))}
              onChange={setMailTool}
              hint={t('exports.mailToolHint')}
            />
            <p className="section-note">{t('exports.emlNote')}</p>
          </div>
        </div>
      )}
    </li>
  );
}

/** The registration link and support contact the messages use. */
function LaunchDetailsCard() {
  const { t } = useTranslation('communications');
  const details = usePlan((p) => p.launch.details);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  return (
    <section className="card cm-details" aria-labelledby="cm-details-heading">
      <h2 id="cm-details-heading">{t('details.heading')}</h2>
      <p className="section-note">
        {t('details.note', { link: '{registrationLink}', contact: '{supportContact}' })}
      </p>
      <div className="cm-pair">
        <TextField
          className="cm-detail-registrationLink"
          label={t('details.link')}
          value={details.registrationLink}
          placeholder={t('details.linkPlaceholder')}
          error={
            details.registrationLink.trim() && !webAddress(details.registrationLink.trim())
              ? t('details.linkInvalid')
              : null
          }
          onChange={(registrationLink) =>
            dispatch(updateLaunchDetails({ patch: { registrationLink } }))
          }
          onBlur={seal}
        />
        <TextField
          className="cm-detail-supportContact"
          label={t('details.contact')}
          value={details.supportContact}
          placeholder={t('details.contactPlaceholder')}
          hint={t('details.contactHint')}
          onChange={(supportContact) =>
            dispatch(updateLaunchDetails({ patch: { supportContact } }))
          }
          onBlur={seal}
        />
      </div>
    </section>
  );
}

/** The Communications section. */
export function CommunicationsSection() {
  const { t } = useTranslation('communications');
  const plan = usePlan((p) => p);
  const dispatch = useDispatch();
  const items = plan.launch.communications;
  const start = launchStart(plan);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set(focus ? [focus] : []));
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setOpenIds((s) => new Set([...s, focus]));
  }
  const listHeading = useRef<HTMLHeadingElement>(null);

  const toggle = (id: string) =>
    setOpenIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const add = async (kind: Communication['kind']) => {
    // The draft is written in the plan's document language (what learners
    // read), with a translator that adds no bidi marks; English if that
    // language's catalog cannot be loaded.
    const write = await documentTranslator(plan.documentLanguage);
    const item = draftCommunication(kind, undefined, write);
    if (dispatch(communications.add({ item })).ok) {
      setOpenIds((s) => new Set([...s, item.id]));
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLButtonElement>(
            `[data-cm-item="${CSS.escape(item.id)}"] [data-cm-toggle]`,
          )
          ?.focus(),
      );
    }
  };

  const counts = {
    ready: items.filter((c) => c.status === 'ready').length,
    sent: items.filter((c) => c.status === 'sent').length,
    unscheduled: items.filter((c) => !c.send).length,
  };

  return (
    <div className="section-body communications-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="cm-summary" role="status">
          <span>
            {t('summary.counts', { count: items.length, ready: counts.ready, sent: counts.sent })}
          </span>
          {counts.unscheduled > 0 && (
            <span className="cm-warn">
              {t('summary.unscheduled', { count: counts.unscheduled })}
            </span>
          )}
        </p>
      </header>

      <LaunchDetailsCard />

      <section className="card" aria-labelledby="cm-list-heading">
        <h2 id="cm-list-heading" ref={listHeading} tabIndex={-1}>
          {t('list.heading')}
        </h2>
        {items.length === 0 ? (
          <p className="empty-note">{t('list.empty')}</p>
        ) : (
          <ol className="cm-list">
            {items.map((c, i) => (
              <CommunicationRow
                key={c.id}
                c={c}
                index={i}
                count={items.length}
                plan={plan}
                start={start}
                open={openIds.has(c.id)}
                onToggle={() => toggle(c.id)}
                onDeleted={() => listHeading.current?.focus()}
              />
            ))}
          </ol>
        )}
        <div className="cm-add" role="group" aria-label={t('list.addGroup')}>
          {COMMUNICATION_KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              title={t(`kinds.${k.kind}.purpose`)}
              onClick={() => void add(k.kind)}
            >
              {t(`kinds.${k.kind}.add`)}
            </button>
          ))}
        </div>
        <p className="section-note">{t('list.note')}</p>
      </section>
    </div>
  );
}
