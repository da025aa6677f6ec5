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
import { communications, updateLaunchDetails } from '../../../../shared/commands/communications';
import { formatDate } from '../../../../shared/export/document';
import { EXPORT_KINDS } from '../../../../shared/export/sanitize';
import {
  COMMUNICATION_KINDS,
  COMMUNICATION_STATUS_LABELS,
  draftCommunication,
  kindLabel,
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
} from '../../../../shared/launch/merge-fields';
import { launchStart, resolveLaunchDate } from '../../../../shared/launch/onboarding';
import type { Communication, LaunchDate, Plan } from '../../../../shared/plan/schema';
import { goToSection, notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { Dialog } from '../../components/Dialog';
import { DateField, NumberField, SelectField, TextField } from '../../components/fields';
import { detectPlatform } from '../../platform/platform';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import './communications.css';
import { webAddress } from '../../../../shared/web-address';

const STATUS_OPTIONS = (
  Object.entries(COMMUNICATION_STATUS_LABELS) as [Communication['status'], string][]
).map(([value, label]) => ({ value, label }));

const KIND_OPTIONS = COMMUNICATION_KINDS.map((k) => ({ value: k.kind, label: k.label }));

const titleOf = (c: Communication) => c.title.trim() || kindLabel(c.kind);

/** "3 days before launch", "On launch day", "11 days after launch". */
function describeOffset(days: number): string {
  if (days === 0) return 'On launch day';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'} launch`;
}

/** The send date as shown on a row. */
function sendText(c: Communication, start: string | null): string {
  if (!c.send) return 'No send date';
  if (c.send.anchor === 'date') return formatDate(c.send.date);
  const rule = describeOffset(c.send.offsetDays);
  const date = resolveLaunchDate(c.send, start);
  return date ? `${formatDate(date)} (${rule.toLowerCase()})` : `${rule} (launch start not set)`;
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
  const name = useId();
  const kind: SendKind = c.send ? c.send.anchor : 'none';
  const offset = c.send?.anchor === 'launch' ? c.send.offsetDays : 0;
  const title = titleOf(c);
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
      <legend>Send date</legend>
      <div className="cm-send-kinds" role="radiogroup" aria-label={`When “${title}” is sent`}>
        {(
          [
            ['launch', 'Relative to the launch'],
            ['date', 'On a fixed date'],
            ['none', 'Not scheduled yet'],
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
      {c.send?.anchor === 'launch' && (
        <div className="cm-send-relative">
          <NumberField
            label="Days"
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
            label="Before or after"
            value={offset > 0 ? 'after' : 'before'}
            options={[
              { value: 'before', label: 'before launch' },
              { value: 'after', label: 'after launch' },
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
              ? `${describeOffset(offset)}: ${formatDate(resolveLaunchDate(c.send, start))}`
              : `${describeOffset(offset)}. The launch start is not set yet, so there is no calendar date.`}
          </p>
        </div>
      )}
      {c.send?.anchor === 'date' && (
        <DateField
          label="Send on"
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
  const chosen = new Set(c.segmentIds);
  const title = titleOf(c);
  const gone = c.segmentIds.filter((id) => !plan.learners.some((s) => s.id === id));
  return (
    <fieldset className="cm-audience">
      <legend>Audience</legend>
      {plan.learners.length === 0 ? (
        <p className="section-note">
          No learner segments yet (Learners): this goes to everyone invited.
        </p>
      ) : (
        <>
          <p className="section-note" id={`${c.id}-audience-hint`}>
            {c.segmentIds.length === 0
              ? 'No segment chosen: it goes to every learner.'
              : `Goes to ${c.segmentIds.length - gone.length} of ${plan.learners.length} segments.`}
          </p>
          <ul className="cm-segments" aria-label={`Learner segments “${title}” goes to`}>
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
                  {s.name.trim() || 'Unnamed segment'}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      <TextField
        label="Audience note"
        value={c.audienceNote}
        placeholder="e.g. Wave 2 invitees who have not registered after 7 days"
        onChange={(audienceNote) => onChange({ audienceNote })}
        onBlur={onBlur}
      />
    </fieldset>
  );
}

/** A filled template: values as text, learner fields and problems clearly marked. */
function FilledText({ parts }: { parts: readonly MergePart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case 'text':
            return <span key={i}>{part.text}</span>;
          case 'value':
            return (
              <span key={i} className="cm-value" title="Filled from the plan">
                {part.text}
              </span>
            );
          case 'learner':
            return (
              <span
                key={i}
                className="cm-learner"
                title="Filled by the mail tool for each learner when it sends"
              >
                «{part.label}»
              </span>
            );
          case 'missing':
            return (
              <mark key={i} className="cm-problem" title={part.message}>
                [{FIELD_INFO.find((f) => f.name === part.field)?.label ?? part.field} not set]
              </mark>
            );
          case 'unknown':
            return (
              <mark key={i} className="cm-problem" title={part.message}>
                [{part.name}?]
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
  const pathways = pathwaysFor(plan, c.segmentIds).map((p) => p.name.trim());
  return (
    <p className="section-note cm-guide-note">
      The Word file continues this text as a short guide, from the plan: the program, how it works,
      getting started, support, what learners gain and{' '}
      {pathways.length === 0
        ? 'a pathway outline (no pathway is aimed at this audience yet).'
        : `the outline of ${pathways.length === 1 ? pathways[0] : `${pathways.length} pathways (${pathways.join(', ')})`}.`}
    </p>
  );
}

/** The live preview of one communication, with what is missing and where to fix it. */
function Preview({ c, plan }: { c: Communication; plan: Plan }) {
  const filled = fillCommunication(plan, c);
  const title = titleOf(c);
  return (
    <section className="cm-preview" aria-label={`Preview of “${title}”`}>
      <h4>Preview</h4>
      <p className="cm-preview-subject">
        <span className="cm-preview-label">Subject: </span>
        <FilledText parts={filled.subject} />
      </p>
      <div className="cm-preview-body" data-testid="preview-body">
        <FilledText parts={filled.body} />
      </div>
      {c.kind === 'onboardingGuide' && <GuideNote c={c} plan={plan} />}
      {filled.problems.length > 0 ? (
        <div className="cm-problems" role="status">
          <p>
            <strong>
              {filled.problems.length === 1
                ? 'One field cannot be filled:'
                : `${filled.problems.length} fields cannot be filled:`}
            </strong>
          </p>
          <ul>
            {filled.problems.map((p) => (
              <li key={`${p.kind}:${p.name}`}>
                {p.message}
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
                        Go to Objective
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
                        Fill it in
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
                      Go to Pathways &amp; skills
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="section-note">
          Every plan field is filled. «First name» and other marked learner fields are filled by the
          mail tool for each learner.
        </p>
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
      notify(
        `The text is at its limit of ${BODY_MAX.toLocaleString('en')} characters: shorten it first.`,
      );
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
          <label htmlFor={insertId}>Field to insert</label>
          <select id={insertId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a field…</option>
            <optgroup label="Filled for each learner by the mail tool">
              {FIELD_INFO.filter((f) => f.learner).map((f) => (
                <option key={f.name} value={f.name}>
                  {fieldToken(f.name)}: {f.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Filled from the plan">
              {FIELD_INFO.filter((f) => !f.learner).map((f) => (
                <option key={f.name} value={f.name}>
                  {fieldToken(f.name)}: {f.label} ({f.source})
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
          Insert field
        </button>
      </div>
      <div className="field cm-body-field">
        <label htmlFor={id}>Text</label>
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
          Fields in braces, such as {'{programName}'}, are filled from the plan; a blank line starts
          a new paragraph, and lines starting with “- ” become a list in Word.
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
      notify(`Exported the ${EXPORT_KINDS[kind].label} “${result.path}”.`);
    else if (result.kind === 'error') notify(`The file could not be saved: ${result.message}`);
  } catch (error) {
    notify(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
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
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const editorId = useId();
  const title = titleOf(c);
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
      notifyUndoable(`Deleted the communication “${title}”.`, result.stepId);
      onDeleted();
    }
  };
  return (
    <li className={`cm-item cm-item--${c.status}`} data-cm-item={c.id}>
      {unfilledExport && (
        <Dialog
          role="alertdialog"
          title={problems === 1 ? 'A field is not filled' : `${problems} fields are not filled`}
          onClose={() => setUnfilledExport(null)}
          actions={
            <>
              <button type="button" onClick={() => setUnfilledExport(null)}>
                Go back and fill them
              </button>
              <button
                type="button"
                onClick={() => {
                  void exportCommunication(plan, c, unfilledExport, mailTool);
                  setUnfilledExport(null);
                }}
              >
                Export anyway
              </button>
            </>
          }
        >
          <p>
            “{title}” would go out with a note in brackets where each of these is, for example
            “[registration link not set]”:
          </p>
          <ul>
            {problemList.map((p) => (
              <li key={`${p.kind}:${p.name}`}>{p.message}.</li>
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
            <span className="cm-tag">{kindLabel(c.kind)}</span>
          </h3>
          <p className="cm-meta">
            <span>Send: {sendText(c, start)}</span>
            {problems > 0 && (
              <span className="cm-warn">
                {problems === 1 ? '1 field not filled' : `${problems} fields not filled`}
              </span>
            )}
          </p>
        </div>
        <label className="cm-status">
          <span aria-hidden="true">Status</span>
          <select
            aria-label={`Status of “${title}”`}
            value={c.status}
            onChange={(e) => update({ status: e.target.value as Communication['status'] })}
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
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
            aria-label={`Move “${title}” up`}
            onClick={() => move(index - 1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="subtle"
            data-cm-move="down"
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
        <div className="cm-editor" id={editorId} role="group" aria-label={`Edit “${title}”`}>
          <div className="cm-edit-col">
            <div className="cm-pair">
              <TextField
                label="Title"
                value={c.title}
                onChange={(t) => update({ title: t })}
                onBlur={seal}
              />
              <SelectField
                label="Kind"
                value={c.kind}
                options={KIND_OPTIONS}
                onChange={(kind) => update({ kind })}
              />
            </div>
            <TextField
              label="Subject"
              value={c.subject}
              hint="Merge fields work here too, e.g. {programName}."
              onChange={(subject) => update({ subject })}
              onBlur={seal}
            />
            <AudienceEditor c={c} plan={plan} onChange={update} onBlur={seal} />
            <SendEditor c={c} start={start} onChange={(send) => update({ send })} />
            <BodyEditor c={c} onChange={(body) => update({ body })} onBlur={seal} />
          </div>
          <div className="cm-preview-col">
            <Preview c={c} plan={plan} />
            <div className="cm-exports" role="group" aria-label={`Export “${title}”`}>
              <button type="button" onClick={() => exportAs('docx')}>
                Export Word (.docx)
              </button>
              <button type="button" onClick={() => exportAs('eml')}>
                Export e-mail (.eml)
              </button>
              <button type="button" onClick={() => exportAs('txt')}>
                Export plain text
              </button>
            </div>
            <SelectField
              label="Learner fields for"
              value={mailTool}
              options={MAIL_TOOL_STYLES.map((t) => ({ value: t.style, label: t.label }))}
              onChange={setMailTool}
              hint="The e-mail and plain-text exports write the learner's name in this tool's own field, so it fills it for each learner."
            />
            <p className="section-note">
              The .eml has the subject and text but no recipients: open it in your mail tool, or
              import it, and send it to the list there.
            </p>
          </div>
        </div>
      )}
    </li>
  );
}

/** The registration link and support contact the messages use. */
function LaunchDetailsCard() {
  const details = usePlan((p) => p.launch.details);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  return (
    <section className="card cm-details" aria-labelledby="cm-details-heading">
      <h2 id="cm-details-heading">Launch details</h2>
      <p className="section-note">
        Used by the {'{registrationLink}'} and {'{supportContact}'} fields in every message.
      </p>
      <div className="cm-pair">
        <TextField
          className="cm-detail-registrationLink"
          label="Registration link"
          value={details.registrationLink}
          placeholder="https://…"
          error={
            details.registrationLink.trim() && !webAddress(details.registrationLink.trim())
              ? 'Not a web address, so messages will not carry it: start it with https://'
              : null
          }
          onChange={(registrationLink) =>
            dispatch(updateLaunchDetails({ patch: { registrationLink } }))
          }
          onBlur={seal}
        />
        <TextField
          className="cm-detail-supportContact"
          label="Support contact"
          value={details.supportContact}
          placeholder="e.g. the help desk on 021 555 0300, or help@example.org"
          hint="Written into messages as it is: “contact …”."
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

  const add = (kind: Communication['kind']) => {
    const item = draftCommunication(kind);
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
        <h1>Communications</h1>
        <p className="lead">
          The messages that take learners from registration to their first lesson and keep them
          going: a launch e-mail, a registration e-mail, an onboarding guide and reminders. Write
          each once; fields such as the program name and registration link are filled in from the
          plan.
        </p>
        <p className="cm-summary" role="status">
          <span>
            {items.length === 1 ? '1 communication' : `${items.length} communications`}:{' '}
            {counts.ready} ready, {counts.sent} sent
          </span>
          {counts.unscheduled > 0 && (
            <span className="cm-warn">
              {counts.unscheduled === 1
                ? '1 has no send date'
                : `${counts.unscheduled} have no send date`}
            </span>
          )}
        </p>
      </header>

      <LaunchDetailsCard />

      <section className="card" aria-labelledby="cm-list-heading">
        <h2 id="cm-list-heading" ref={listHeading} tabIndex={-1}>
          Messages
        </h2>
        {items.length === 0 ? (
          <p className="empty-note">
            No communications yet. Start with a launch e-mail below: it comes with a ready draft.
          </p>
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
        <div className="cm-add" role="group" aria-label="Add a communication">
          {COMMUNICATION_KINDS.map((k) => (
            <button key={k.kind} type="button" title={k.purpose} onClick={() => add(k.kind)}>
              Add {k.label.charAt(0).toLowerCase() + k.label.slice(1)}
            </button>
          ))}
        </div>
        <p className="section-note">
          Each new message starts as a ready draft in plain words; change anything you like.
        </p>
      </section>
    </div>
  );
}
