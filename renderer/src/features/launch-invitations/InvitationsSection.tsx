/**
 * The invitation planner (Launch → Invitations, issue 13): licences × ratio
 * → invitations needed, the funnel rates, the waves (name, date relative to
 * the launch or fixed, share), the split by segment and wave, the expected
 * funnel of each wave and the forecast licence use, with warnings when
 * licences would stay unused or run out. Every edit is a command (undoable);
 * the invitation list (names and e-mails) is a card of its own, kept in the
 * local database only.
 */
import { useEffect, useMemo } from 'react';
import { setLicences } from '../../../../shared/commands/budget';
import {
  invitationWaves,
  setFunnelRate,
  setInvitationRatio,
} from '../../../../shared/commands/invitations';
import {
  RATIO_EXPLANATION,
  RATIO_MAX,
  RATIO_MIN,
  invitationSummary,
  type InvitationSummary,
} from '../../../../shared/launch/invitations';
import { formatDate } from '../../../../shared/export/document';
import { newId } from '../../../../shared/plan/create';
import type { FunnelRates, InvitationWave, LaunchDate } from '../../../../shared/plan/schema';
import { useWorkbench } from '../../app/workbench';
import { DateField, NumberField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineNumber, InlineText } from '../content/inline';
import { InvitationList } from './InvitationList';
import '../content/content.css';
import './invitations.css';

const count = (n: number) => n.toLocaleString('en-GB');

const RATE_FIELDS: readonly { key: keyof FunnelRates; label: string; hint: string }[] = [
  {
    key: 'registered',
    label: 'Registered (% of invited)',
    hint: 'Accept the invitation and sign up',
  },
  { key: 'active', label: 'Active (% of registered)', hint: 'Start learning' },
  { key: 'completing', label: 'Completing (% of active)', hint: 'Finish their pathway' },
];

/** The Invitations section. */
export function InvitationsSection() {
  const plan = usePlan((p) => p);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const summary = useMemo(() => invitationSummary(plan), [plan]);
  const inv = plan.launch.invitations;
  const licences = plan.launch.marketing.licenses;
  return (
    <div className="section-body content-section wide-section invitations-section">
      <header className="section-header">
        <h1>Invitations</h1>
        <p className="lead">
          Work out how many people to invite so every licence is used, split the invitations by
          learner segment and into waves, and see what each wave is expected to bring.
        </p>
      </header>

      <section className="card" aria-labelledby="inv-needed-heading">
        <h2 id="inv-needed-heading">Invitations needed</h2>
        <p className="section-note">{RATIO_EXPLANATION}</p>
        <div className="grid grid-3">
          <NumberField
            label="Licences bought"
            value={licences}
            integer
            min={0}
            max={1e9}
            onChange={(n) => dispatch(setLicences({ licences: n }))}
            onBlur={seal}
            hint="The same figure as in the Objective section's budget"
          />
          <NumberField
            label="Invitations per licence"
            value={inv.ratio}
            min={RATIO_MIN}
            max={RATIO_MAX}
            onChange={(n) => {
              if (n !== null) dispatch(setInvitationRatio({ ratio: n }));
            }}
            onBlur={seal}
            hint={`From ${RATIO_MIN} to ${RATIO_MAX}; 2 is usual`}
          />
          <div className="field">
            <span className="field-label">Invitations to send</span>
            <p className="inv-big" data-testid="invitations-needed">
              {licences === null ? '—' : count(summary.needed)}
            </p>
            {licences !== null && licences > 0 && (
              <p className="field-hint">
                Usual range for {count(licences)} licences: {count(summary.range.low)} to{' '}
                {count(summary.range.high)}
              </p>
            )}
          </div>
        </div>
        {licences === null && (
          <p className="section-note">Enter the number of licences bought to start planning.</p>
        )}
        <Warnings summary={summary} />
      </section>

      <section className="card" aria-labelledby="inv-rates-heading">
        <h2 id="inv-rates-heading">Expected funnel rates</h2>
        <p className="section-note">
          Of those invited, how many register, start learning and finish. Use your platform&apos;s
          figures from an earlier program if you have them.
        </p>
        <div className="grid grid-3">
          {RATE_FIELDS.map((f) => (
            <NumberField
              key={f.key}
              label={f.label}
              value={inv.rates[f.key]}
              integer
              min={0}
              max={100}
              onChange={(n) => {
                if (n !== null) dispatch(setFunnelRate({ rate: f.key, value: n }));
              }}
              onBlur={seal}
              hint={f.hint}
            />
          ))}
        </div>
      </section>

      <WavesCard
        waves={inv.waves}
        summary={summary}
        launchStart={plan.objective.timeline.launch.start}
      />
      <SplitTable summary={summary} />
      <FunnelTable summary={summary} />
      <Forecast summary={summary} />
      <InvitationList summary={summary} />
    </div>
  );
}

function Warnings({ summary }: { summary: InvitationSummary }) {
  const notes = [
    ...summary.warnings.map((w) => w.message),
    ...(summary.evenSegments
      ? [
          'No learner segment has expected participants yet, so invitations are split evenly between segments. Set them in the Learners section.',
        ]
      : []),
    ...(summary.evenWaves
      ? ['Every wave has a share of 0 %, so invitations are split evenly between waves.']
      : []),
  ];
  if (notes.length === 0) return null;
  return (
    <ul className="inv-warnings" aria-label="Invitation plan warnings">
      {notes.map((n) => (
        <li key={n} className="warning-text">
          {n}
        </li>
      ))}
    </ul>
  );
}

type DateKind = 'launch' | 'date' | 'none';

function WavesCard({
  waves,
  summary,
  launchStart,
}: {
  waves: readonly InvitationWave[];
  summary: InvitationSummary;
  launchStart: string | null;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const shareTotal = waves.reduce((s, w) => s + w.share, 0);
  // A health finding about a wave opens the section on it: its name field gets the focus.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector(`[data-wave-id="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector('input')?.focus();
  }, [focus]);
  const setDate = (wave: InvitationWave, date: LaunchDate | null) =>
    dispatch(invitationWaves.update({ id: wave.id, patch: { date } }));
  const changeKind = (wave: InvitationWave, kind: DateKind) => {
    if (kind === 'none') setDate(wave, null);
    else if (kind === 'launch') setDate(wave, { anchor: 'launch', offsetDays: 0 });
    else
      setDate(wave, {
        anchor: 'date',
        date:
          summary.waves.find((w) => w.id === wave.id)?.date ??
          launchStart ??
          new Date().toISOString().slice(0, 10),
      });
    seal();
  };
  return (
    <section className="card" aria-labelledby="inv-waves-heading">
      <div className="card-title-row">
        <h2 id="inv-waves-heading">Waves</h2>
        <button
          type="button"
          onClick={() => {
            const n = waves.length + 1;
            dispatch(
              invitationWaves.add({
                item: {
                  id: newId('wave'),
                  name: `Wave ${n}`,
                  date: { anchor: 'launch', offsetDays: (n - 1) * 28 },
                  // As much as the waves so far have on average, so it gets an equal part
                  // (a new wave at 0 % sent no one).
                  share:
                    waves.length === 0
                      ? 100
                      : Math.min(100, Math.round(shareTotal / waves.length) || 100),
                },
              }),
            );
          }}
        >
          Add wave
        </button>
      </div>
      <p className="section-note">
        Sending invitations in waves spreads the support load and lets you learn from the first
        wave. Shares are scaled to add up to all invitations
        {waves.length > 0 && shareTotal !== 100 ? ` (they add up to ${shareTotal} % now)` : ''}.
        {launchStart
          ? ` Days are counted from the launch start, ${formatDate(launchStart)}.`
          : ' Set the launch start in the Objective section’s timeline to give waves relative dates.'}
      </p>
      {waves.length === 0 ? (
        <p className="empty-note">No waves yet: all invitations go out at once.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Invitation waves</caption>
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col">Date</th>
              <th scope="col">When</th>
              <th scope="col" className="num">
                Share (%)
              </th>
              <th scope="col" className="num">
                Invitations
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {waves.map((wave, j) => {
              const split = summary.waves[j];
              const kind: DateKind = wave.date ? wave.date.anchor : 'none';
              const label = wave.name || `Wave ${j + 1}`;
              return (
                <tr key={wave.id} data-wave-id={wave.id}>
                  <td>
                    <InlineText
                      label={`Name of wave ${j + 1}`}
                      value={wave.name}
                      onChange={(name) =>
                        dispatch(invitationWaves.update({ id: wave.id, patch: { name } }))
                      }
                      onBlur={seal}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Date of ${label}`}
                      value={kind}
                      onChange={(e) => changeKind(wave, e.target.value as DateKind)}
                    >
                      <option value="launch">Days from launch</option>
                      <option value="date">Fixed date</option>
                      <option value="none">No date yet</option>
                    </select>
                  </td>
                  <td>
                    {wave.date?.anchor === 'launch' && (
                      <span className="inv-when">
                        <InlineNumber
                          label={`Days from launch of ${label}`}
                          value={wave.date.offsetDays}
                          integer
                          min={-3650}
                          max={3650}
                          onChange={(n) => {
                            if (n !== null) setDate(wave, { anchor: 'launch', offsetDays: n });
                          }}
                          onBlur={seal}
                        />
                        <span className="section-note">
                          {split?.date ? formatDate(split.date) : 'launch start not set'}
                        </span>
                      </span>
                    )}
                    {wave.date?.anchor === 'date' && (
                      <DateField
                        label={`Fixed date of ${label}`}
                        hideLabel
                        value={wave.date.date}
                        onChange={(date) => {
                          setDate(wave, date ? { anchor: 'date', date } : null);
                        }}
                        onBlur={seal}
                      />
                    )}
                    {!wave.date && <span className="warning-text">No date</span>}
                  </td>
                  <td className="num">
                    <InlineNumber
                      label={`Share of ${label} (%)`}
                      value={wave.share}
                      integer
                      min={0}
                      max={100}
                      onChange={(n) =>
                        dispatch(invitationWaves.update({ id: wave.id, patch: { share: n ?? 0 } }))
                      }
                      onBlur={seal}
                    />
                  </td>
                  <td className="num">{split ? count(split.invitations) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Delete ${label}`}
                      onClick={() => dispatch(invitationWaves.remove({ ids: [wave.id] }))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SplitTable({ summary }: { summary: InvitationSummary }) {
  const waves = summary.waves;
  return (
    <section className="card" aria-labelledby="inv-split-heading">
      <h2 id="inv-split-heading">Invitations by segment and wave</h2>
      <p className="section-note">
        Each segment gets invitations in proportion to the participants expected from it (set in the
        Learners section). Whole invitations: every row and column adds up to its total.
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="invitation-split">
          <caption className="visually-hidden">Invitations by segment and wave</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col" className="num">
                Expected participants
              </th>
              {waves.map((w) => (
                <th key={w.id} scope="col" className="num">
                  {w.name || 'Wave'}
                </th>
              ))}
              <th scope="col" className="num">
                Invitations
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.segments.map((s) => (
              <tr key={s.segmentId ?? 'all'}>
                <th scope="row">{s.name || 'Unnamed segment'}</th>
                <td className="num">
                  {s.expectedParticipants === null ? '—' : count(s.expectedParticipants)}
                </td>
                {s.byWave.map((n, j) => (
                  <td key={waves[j]!.id} className="num">
                    {count(n)}
                  </td>
                ))}
                <td className="num">{count(s.invitations)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              {waves.map((w) => (
                <td key={w.id} className="num">
                  {count(w.invitations)}
                </td>
              ))}
              <td className="num">{count(summary.needed)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function FunnelTable({ summary }: { summary: InvitationSummary }) {
  const rows = summary.waves.length
    ? summary.waves.map((w) => ({
        id: w.id,
        name: w.name || 'Wave',
        date: w.date,
        f: w.funnel,
      }))
    : [{ id: 'all', name: 'All invitations', date: null, f: summary.total }];
  return (
    <section className="card" aria-labelledby="inv-funnel-heading">
      <h2 id="inv-funnel-heading">Expected funnel per wave</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="invitation-funnel">
          <caption className="visually-hidden">Expected funnel per wave</caption>
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Invited
              </th>
              <th scope="col" className="num">
                Registered
              </th>
              <th scope="col" className="num">
                Active
              </th>
              <th scope="col" className="num">
                Completing
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.date ? formatDate(r.date) : '—'}</td>
                <td className="num">{count(r.f.invited)}</td>
                <td className="num">{count(r.f.registered)}</td>
                <td className="num">{count(r.f.active)}</td>
                <td className="num">{count(r.f.completing)}</td>
              </tr>
            ))}
          </tbody>
          {summary.waves.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">All waves</th>
                <td />
                <td className="num">{count(summary.total.invited)}</td>
                <td className="num">{count(summary.total.registered)}</td>
                <td className="num">{count(summary.total.active)}</td>
                <td className="num">{count(summary.total.completing)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

/**
 * Forecast licence use after each wave: a bar per wave (licences in use, and
 * people waiting beyond the licences) against the licence line. Drawn as
 * plain SVG (ECharts is not a dependency); the table below it carries the
 * same figures for screen readers and keyboard users.
 */
function Forecast({ summary }: { summary: InvitationSummary }) {
  const points = summary.forecast;
  const licences = summary.licences ?? 0;
  if (points.length === 0 || licences <= 0) return null;
  const width = 640;
  const height = 220;
  const pad = { left: 56, right: 16, top: 16, bottom: 40 };
  const max = Math.max(licences, ...points.map((p) => p.registered)) * 1.1;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const slot = plotW / points.length;
  const barW = Math.min(80, slot * 0.6);
  const described = points
    .map(
      (p) =>
        `after ${p.name}: ${count(p.used)} licences in use${p.waiting ? `, ${count(p.waiting)} waiting` : ''}`,
    )
    .join('; ');
  return (
    <section className="card" aria-labelledby="inv-forecast-heading">
      <h2 id="inv-forecast-heading">Forecast licence use</h2>
      <p className="section-note">
        Each registration takes a licence. After each wave (in date order): licences in use, and
        people who would wait for a licence to be freed.
      </p>
      <svg
        className="inv-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Forecast licence use of ${count(licences)} licences: ${described}.`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="inv-axis" />
        {points.map((p, i) => {
          const x = pad.left + slot * i + (slot - barW) / 2;
          return (
            <g key={p.waveId}>
              <rect
                x={x}
                y={y(p.used)}
                width={barW}
                height={y(0) - y(p.used)}
                className="inv-used"
              />
              {p.waiting > 0 && (
                <rect
                  x={x}
                  y={y(p.registered)}
                  width={barW}
                  height={y(p.used) - y(p.registered)}
                  className="inv-waiting"
                />
              )}
              <text
                x={x + barW / 2}
                y={height - pad.bottom + 16}
                textAnchor="middle"
                className="inv-label"
              >
                {p.name.length > 18 ? `${p.name.slice(0, 17)}…` : p.name}
              </text>
              <text
                x={x + barW / 2}
                y={height - pad.bottom + 30}
                textAnchor="middle"
                className="inv-label"
              >
                {p.date ? formatDate(p.date) : 'no date'}
              </text>
            </g>
          );
        })}
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(licences)}
          y2={y(licences)}
          className="inv-limit"
        />
        <text x={pad.left - 6} y={y(licences) + 4} textAnchor="end" className="inv-label">
          {count(licences)}
        </text>
      </svg>
      <p className="inv-legend" aria-hidden="true">
        <span className="inv-key inv-key-used" /> Licences in use{' '}
        <span className="inv-key inv-key-waiting" /> Waiting for a licence{' '}
        <span className="inv-key inv-key-limit" /> Licences bought
      </p>
      <table className="data-table compact">
        <caption>Licence use after each wave</caption>
        <thead>
          <tr>
            <th scope="col">After</th>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Invited so far
            </th>
            <th scope="col" className="num">
              Licences in use
            </th>
            <th scope="col" className="num">
              Waiting
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.waveId}>
              <th scope="row">{p.name}</th>
              <td>{p.date ? formatDate(p.date) : '—'}</td>
              <td className="num">{count(p.invited)}</td>
              <td className="num">
                {count(p.used)} of {count(licences)}
              </td>
              <td className="num">{count(p.waiting)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
