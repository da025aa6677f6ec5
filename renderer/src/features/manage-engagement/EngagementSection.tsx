/**
 * Engagement & follow-ups (Manage, issue 14): the engagement activities
 * (communities, monitoring, workshops, wraparound services) with owner,
 * cadence, delivering partner and segments, each addable from a ready-made
 * suggestion; the follow-up rules (not started, no activity, behind pace)
 * with segments, channel and a message in the Launch merge fields; and,
 * from the local learner roster, today's follow-up list, top learners and
 * the licences that can be freed (FollowUpsToday).
 */
import { useId, useRef, useState } from 'react';
import { engagementActivities, followUpRules } from '../../../../shared/commands/engagement';
import {
  ENGAGEMENT_KIND_HINTS,
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_SUGGESTIONS,
  FOLLOW_UP_SUGGESTIONS,
  activityFrom,
  partnersOf,
  ruleFrom,
  type EngagementKind,
} from '../../../../shared/manage/engagement-suggestions';
import { shadowedRuleFindings } from '../../../../shared/manage/engagement-health';
import { uiFindingText } from '../health/finding-text';
import {
  fillFollowUp,
  fixedTimeAdvice,
  fixedTimeWording,
  FOLLOW_UP_FIELD_INFO,
} from '../../../../shared/manage/follow-up-export';
import { TRIGGER_LABELS, describeRule } from '../../../../shared/manage/follow-ups';
import { FIELD_INFO, fieldToken, type MergePart } from '../../../../shared/launch/merge-fields';
import { localToday } from '../../../../shared/stakeholders/schedule';
import type { EngagementActivity, FollowUpRule, Plan } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { FollowUpsToday } from './FollowUpsToday';
import './engagement.css';

const KINDS: readonly EngagementKind[] = ['community', 'monitoring', 'workshop', 'wraparound'];
const KIND_OPTIONS = KINDS.map((k) => ({ value: k, label: ENGAGEMENT_KIND_LABELS[k] }));
const TRIGGER_OPTIONS = (Object.keys(TRIGGER_LABELS) as FollowUpRule['trigger'][]).map((t) => ({
  value: t,
  label: TRIGGER_LABELS[t],
}));
const CHANNEL_OPTIONS = [
  { value: 'email', label: 'E-mail' },
  { value: 'sms', label: 'Text message (SMS)' },
] as const;

/** Segment checkboxes (several can be picked by keyboard); none = every learner. */
function SegmentPicker({
  plan,
  chosen,
  label,
  onChange,
}: {
  plan: Plan;
  chosen: readonly string[];
  label: string;
  onChange: (ids: string[]) => void;
}) {
  if (plan.learners.length === 0)
    return <p className="section-note">No learner segments yet (Learners): it is for everyone.</p>;
  const set = new Set(chosen);
  return (
    <fieldset className="eg-segments">
      <legend>Segments</legend>
      <p className="section-note">
        {chosen.length === 0 ? 'None chosen: every learner.' : `${chosen.length} chosen.`}
      </p>
      <ul aria-label={label}>
        {plan.learners.map((s) => (
          <li key={s.id}>
            <label>
              <input
                type="checkbox"
                checked={set.has(s.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id),
                  )
                }
              />
              {s.name.trim() || 'Unnamed segment'}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** One activity: a summary row, and its editor when open. */
function ActivityRow({
  a,
  plan,
  open,
  onToggle,
}: {
  a: EngagementActivity;
  plan: Plan;
  open: boolean;
  onToggle: () => void;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<EngagementActivity>) =>
    dispatch(engagementActivities.update({ id: a.id, patch }));
  const partners = partnersOf(plan);
  const partner = partners.find((p) => p.id === a.partnerId);
  const title = a.title.trim() || 'Untitled activity';
  return (
    <li className="eg-item" data-eg-item={a.id}>
      <div className="eg-item-head">
        <button
          type="button"
          className="eg-toggle"
          aria-expanded={open}
          onClick={onToggle}
          data-eg-toggle
        >
          <span className="eg-kind">{ENGAGEMENT_KIND_LABELS[a.kind]}</span>
          <span className="eg-title">{title}</span>
          <span className="eg-meta">
            {[a.cadence, a.owner ? `Owner: ${a.owner}` : 'No owner', partner ? partner.name : '']
              .filter(Boolean)
              .join(' · ')}
          </span>
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Delete “${title}”`}
          onClick={() => {
            const r = dispatch(engagementActivities.remove({ ids: [a.id] }));
            if (r.ok) notifyUndoable(`Deleted “${title}”.`, r.stepId);
          }}
        >
          Delete
        </button>
      </div>
      {open && (
        <div className="eg-editor">
          <TextField
            label="Title"
            value={a.title}
            onChange={(t) => update({ title: t })}
            onBlur={seal}
          />
          <SelectField
            label="Kind"
            value={a.kind}
            options={KIND_OPTIONS}
            onChange={(kind) => update({ kind })}
          />
          <TextField
            label="Cadence"
            value={a.cadence}
            placeholder="e.g. Weekly, Tuesdays 18:00"
            onChange={(cadence) => update({ cadence })}
            onBlur={seal}
          />
          <TextField
            label="Owner"
            value={a.owner}
            placeholder="Who runs it"
            onChange={(owner) => update({ owner })}
            onBlur={seal}
          />
          <SelectField
            label="Delivered by"
            value={a.partnerId ?? ''}
            options={[
              { value: '', label: 'The program team' },
              ...partners.map((p) => ({
                value: p.id,
                label: `${p.name}${p.organisation ? ` (${p.organisation})` : ''}`,
              })),
            ]}
            hint={
              partners.length === 0
                ? 'No partners in the stakeholders register yet: mark an entry as a partner there.'
                : undefined
            }
            onChange={(id) => update({ partnerId: id || null })}
          />
          <TextAreaField
            label="Description"
            value={a.description}
            className="eg-wide"
            onChange={(description) => update({ description })}
            onBlur={seal}
          />
          <SegmentPicker
            plan={plan}
            chosen={a.segmentIds}
            label={`Segments “${title}” is for`}
            onChange={(segmentIds) => update({ segmentIds })}
          />
        </div>
      )}
    </li>
  );
}

/** Adds an activity of a kind from a suggestion (or blank). */
function AddActivity({ onAdded }: { onAdded: (id: string) => void }) {
  const dispatch = useDispatch();
  const id = useId();
  const [choice, setChoice] = useState('0');
  const add = () => {
    const suggestion = ENGAGEMENT_SUGGESTIONS[Number(choice)];
    if (!suggestion) return;
    const item = activityFrom(suggestion);
    if (dispatch(engagementActivities.add({ item })).ok) onAdded(item.id);
  };
  return (
    <div className="eg-add" role="group" aria-label="Add an engagement activity">
      <div className="field">
        <label htmlFor={id}>Suggested activity</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {KINDS.map((kind) => (
            <optgroup key={kind} label={ENGAGEMENT_KIND_LABELS[kind]}>
              {ENGAGEMENT_SUGGESTIONS.map((s, i) =>
                s.kind === kind ? (
                  <option key={i} value={String(i)}>
                    {s.title} ({s.cadence})
                  </option>
                ) : null,
              )}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="button" onClick={add}>
        Add activity
      </button>
    </div>
  );
}

/** A filled message: values as text, learner fields and problems marked. */
function FilledText({ parts }: { parts: readonly MergePart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case 'text':
            return <span key={i}>{part.text}</span>;
          case 'value':
            return (
              <span key={i} className="eg-value">
                {part.text}
              </span>
            );
          case 'learner':
            return (
              <span key={i} className="eg-learner" title="Filled by the mail tool for each learner">
                «{part.label}»
              </span>
            );
          case 'missing':
            return (
              <mark key={i} className="eg-problem" title={part.message}>
                [{FIELD_INFO.find((f) => f.name === part.field)?.label ?? part.field} not set]
              </mark>
            );
          case 'unknown':
            return (
              <mark key={i} className="eg-problem" title={part.message}>
                [{part.name}?]
              </mark>
            );
        }
      })}
    </>
  );
}

const MESSAGE_MAX = 20_000;

/** The message text area with Insert field (chosen, then inserted by the button). */
function MessageEditor({
  rule,
  onChange,
  onBlur,
}: {
  rule: FollowUpRule;
  onChange: (message: string) => void;
  onBlur: () => void;
}) {
  const id = useId();
  const insertId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState('');
  const caret = useRef<{ start: number; end: number } | null>(null);
  const remember = () => {
    const el = area.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  const insert = () => {
    const info =
      FIELD_INFO.find((f) => f.name === choice) ??
      FOLLOW_UP_FIELD_INFO.find((f) => f.name === choice);
    if (!info) return;
    const token = fieldToken(info.name);
    const at = caret.current ?? { start: rule.message.length, end: rule.message.length };
    const next = rule.message.slice(0, at.start) + token + rule.message.slice(at.end);
    if (next.length > MESSAGE_MAX) {
      notify('The message is at its limit of 20,000 characters: shorten it first.');
      return;
    }
    onChange(next);
    onBlur();
    setChoice('');
    const cursor = at.start + token.length;
    caret.current = { start: cursor, end: cursor };
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(cursor, cursor);
    });
  };
  return (
    <div className="eg-message eg-wide">
      <div className="eg-insert">
        <div className="field">
          <label htmlFor={insertId}>Field to insert</label>
          <select id={insertId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a field…</option>
            {FOLLOW_UP_FIELD_INFO.map((f) => (
              <option key={f.name} value={f.name}>
                {fieldToken(f.name)}: each learner’s {f.label}
              </option>
            ))}
            {FIELD_INFO.map((f) => (
              <option key={f.name} value={f.name}>
                {fieldToken(f.name)}: {f.name === 'sendDate' ? 'the day the list is for' : f.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!choice} onClick={insert}>
          Insert field
        </button>
      </div>
      <div className="field">
        <label htmlFor={id}>Message</label>
        <textarea
          id={id}
          ref={area}
          rows={4}
          value={rule.message}
          maxLength={MESSAGE_MAX}
          onChange={(e) => {
            onChange(e.target.value);
            remember();
          }}
          onSelect={remember}
          onKeyUp={remember}
          onBlur={() => {
            remember();
            onBlur();
          }}
        />
      </div>
    </div>
  );
}

/** One follow-up rule: a summary row, and its editor and message preview when open. */
function RuleRow({
  rule,
  index,
  count,
  plan,
  open,
  onToggle,
  warning,
}: {
  rule: FollowUpRule;
  index: number;
  count: number;
  plan: Plan;
  open: boolean;
  onToggle: () => void;
  /** Why the rule never lists anyone, when an earlier rule hides it. */
  warning?: string;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<FollowUpRule>) =>
    dispatch(followUpRules.update({ id: rule.id, patch }));
  const title = rule.name.trim() || describeRule(rule);
  const filled = open ? fillFollowUp(plan, rule, localToday()) : null;
  const fixedTime = open ? fixedTimeWording(rule) : null;
  return (
    <li className={`eg-item ${rule.active ? '' : 'eg-off'}`} data-eg-item={rule.id}>
      <div className="eg-item-head">
        <button
          type="button"
          className="eg-toggle"
          aria-expanded={open}
          onClick={onToggle}
          data-eg-toggle
        >
          <span className="eg-kind">
            {index + 1}. {TRIGGER_LABELS[rule.trigger]}
          </span>
          <span className="eg-title">{title}</span>
          <span className="eg-meta">
            {[
              describeRule(rule),
              rule.channel === 'sms' ? 'Text message' : 'E-mail',
              rule.active ? '' : 'Off',
              rule.message.trim() ? '' : 'No message',
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </button>
        <label className="eg-active">
          <input
            type="checkbox"
            checked={rule.active}
            onChange={(e) => update({ active: e.target.checked })}
            aria-label={`On: “${title}”`}
          />
          On
        </label>
        <button
          type="button"
          aria-label={`Move “${title}” up`}
          disabled={index === 0}
          onClick={() => dispatch(followUpRules.move({ id: rule.id, to: index - 1 }))}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move “${title}” down`}
          disabled={index === count - 1}
          onClick={() => dispatch(followUpRules.move({ id: rule.id, to: index + 1 }))}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Delete “${title}”`}
          onClick={() => {
            const r = dispatch(followUpRules.remove({ ids: [rule.id] }));
            if (r.ok) notifyUndoable(`Deleted the follow-up rule “${title}”.`, r.stepId);
          }}
        >
          Delete
        </button>
      </div>
      {warning && <p className="eg-warning">{warning}</p>}
      {open && (
        <div className="eg-editor">
          <TextField
            label="Rule name"
            value={rule.name}
            onChange={(name) => update({ name })}
            onBlur={seal}
          />
          <SelectField
            label="Trigger"
            value={rule.trigger}
            options={TRIGGER_OPTIONS}
            onChange={(trigger) => update({ trigger })}
          />
          <NumberField
            label={
              rule.trigger === 'inactive'
                ? 'Days without activity'
                : rule.trigger === 'notStarted'
                  ? 'Days after registering'
                  : 'Days after enrolling'
            }
            value={rule.afterDays}
            min={1}
            max={365}
            integer
            required
            onChange={(d) => d !== null && update({ afterDays: d })}
            onBlur={seal}
          />
          {rule.trigger === 'behindPace' && (
            <NumberField
              label="Behind below (% of expected hours)"
              value={rule.pacePercent}
              min={1}
              max={100}
              integer
              required
              hint="Expected hours: the pathway's hours per week × weeks since enrolling, up to its total."
              onChange={(p) => p !== null && update({ pacePercent: p })}
              onBlur={seal}
            />
          )}
          <SelectField
            label="Channel"
            value={rule.channel}
            options={CHANNEL_OPTIONS}
            onChange={(channel) => update({ channel })}
          />
          <SegmentPicker
            plan={plan}
            chosen={rule.segmentIds}
            label={`Segments “${title}” applies to`}
            onChange={(segmentIds) => update({ segmentIds })}
          />
          <MessageEditor rule={rule} onChange={(message) => update({ message })} onBlur={seal} />
          {filled && (
            <section className="eg-preview eg-wide" aria-label={`Preview of “${title}”`}>
              <h4>Preview</h4>
              <p>
                {rule.message.trim() ? (
                  <FilledText parts={filled.parts} />
                ) : (
                  <em>No message yet.</em>
                )}
              </p>
              {(filled.problems.length > 0 || fixedTime) && (
                <ul className="eg-problems" role="status">
                  {filled.problems.map((p) => (
                    <li key={`${p.kind}:${p.name}`}>{p.message}</li>
                  ))}
                  {fixedTime && <li>{fixedTimeAdvice(rule, fixedTime)}</li>}
                </ul>
              )}
            </section>
          )}
        </div>
      )}
    </li>
  );
}

/** Adds a suggested follow-up rule. */
function AddRule({ onAdded }: { onAdded: (id: string) => void }) {
  const dispatch = useDispatch();
  const id = useId();
  const [choice, setChoice] = useState('0');
  const add = () => {
    const s = FOLLOW_UP_SUGGESTIONS[Number(choice)];
    if (!s) return;
    const item = ruleFrom(s);
    if (dispatch(followUpRules.add({ item })).ok) onAdded(item.id);
  };
  return (
    <div className="eg-add" role="group" aria-label="Add a follow-up rule">
      <div className="field">
        <label htmlFor={id}>Suggested rule</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {FOLLOW_UP_SUGGESTIONS.map((s, i) => (
            <option key={i} value={String(i)}>
              {s.name} ({s.channel === 'sms' ? 'text message' : 'e-mail'})
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={add}>
        Add rule
      </button>
    </div>
  );
}

function useOpenIds() {
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set(focus ? [focus] : []));
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setOpenIds((s) => new Set([...s, focus]));
  }
  const toggle = (id: string) =>
    setOpenIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const openAndFocus = (id: string) => {
    setOpenIds((s) => new Set([...s, id]));
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLButtonElement>(`[data-eg-item="${CSS.escape(id)}"] [data-eg-toggle]`)
        ?.focus(),
    );
  };
  return { openIds, toggle, openAndFocus };
}

/** The Engagement & follow-ups section. */
export function EngagementSection() {
  const plan = usePlan((p) => p);
  const { engagement, followUps } = plan.manage;
  const { openIds, toggle, openAndFocus } = useOpenIds();
  const shadowed = new Map(
    shadowedRuleFindings(plan).map((f) => [f.target.elementId ?? '', uiFindingText(f.message)]),
  );
  return (
    <div className="section-body engagement-section">
      <header className="section-header">
        <h1>Engagement &amp; follow-ups</h1>
        <p className="lead">
          Keep learners going: communities, monitoring, workshops and wraparound services, and
          follow-up rules that find who has not started or has stalled, every day, from the learner
          roster.
        </p>
      </header>

      <FollowUpsToday>
        <section className="card" aria-labelledby="eg-activities-heading">
          <h2 id="eg-activities-heading">Engagement activities</h2>
          {engagement.length === 0 ? (
            <p className="empty-note">
              No activities yet. Pick a suggestion below and make it yours: each comes with a
              description and a cadence.
            </p>
          ) : (
            KINDS.filter((k) => engagement.some((a) => a.kind === k)).map((kind) => (
              <div key={kind} className="eg-group">
                <h3>
                  {ENGAGEMENT_KIND_LABELS[kind]}
                  <span className="eg-hint"> — {ENGAGEMENT_KIND_HINTS[kind]}</span>
                </h3>
                <ul className="eg-list">
                  {engagement
                    .filter((a) => a.kind === kind)
                    .map((a) => (
                      <ActivityRow
                        key={a.id}
                        a={a}
                        plan={plan}
                        open={openIds.has(a.id)}
                        onToggle={() => toggle(a.id)}
                      />
                    ))}
                </ul>
              </div>
            ))
          )}
          <AddActivity onAdded={openAndFocus} />
        </section>

        <section className="card" aria-labelledby="eg-rules-heading">
          <h2 id="eg-rules-heading">Follow-up rules</h2>
          <p className="section-note">
            A learner is listed once a day, under the first rule (in this order) whose condition
            holds. Learners who have completed are never listed.
          </p>
          {followUps.length === 0 ? (
            <p className="empty-note">No follow-up rules yet. Add a suggested one below.</p>
          ) : (
            <ol className="eg-list">
              {followUps.map((r, i) => (
                <RuleRow
                  key={r.id}
                  rule={r}
                  index={i}
                  count={followUps.length}
                  plan={plan}
                  open={openIds.has(r.id)}
                  onToggle={() => toggle(r.id)}
                  warning={shadowed.get(r.id)}
                />
              ))}
            </ol>
          )}
          <AddRule onAdded={openAndFocus} />
        </section>
      </FollowUpsToday>
    </div>
  );
}
