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
import { useTranslation } from 'react-i18next';
import { setLicences } from '../../../../shared/commands/budget';
import {
  invitationWaves,
  setFunnelRate,
  setInvitationRatio,
} from '../../../../shared/commands/invitations';
import {
  RATIO_DEFAULT,
  RATIO_MAX,
  RATIO_MIN,
  invitationRange,
  invitationSummary,
  type InvitationSummary,
  type LicenceWarning,
} from '../../../../shared/launch/invitations';
import { newId } from '../../../../shared/plan/create';
import type { FunnelRates, InvitationWave, LaunchDate } from '../../../../shared/plan/schema';
import { useWorkbench } from '../../app/workbench';
import { DateField, NumberField } from '../../components/fields';
import { useDocumentTranslator } from '../../i18n/document-translator';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineNumber, InlineText } from '../content/inline';
import { InvitationList } from './InvitationList';
import '../content/content.css';
import './invitations.css';

const RATE_FIELDS: readonly (keyof FunnelRates)[] = ['registered', 'active', 'completing'];

/** The example of the ratio explanation: 5,000 licences. */
const EXAMPLE_LICENCES = 5000;

/** The Invitations section. */
export function InvitationsSection() {
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
  const example = invitationRange(EXAMPLE_LICENCES);
  const plan = usePlan((p) => p);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const summary = useMemo(() => invitationSummary(plan), [plan]);
  const inv = plan.launch.invitations;
  const licences = plan.launch.marketing.licenses;
  return (
    <div className="section-body content-section wide-section invitations-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>

      <section className="card" aria-labelledby="inv-needed-heading">
        <h2 id="inv-needed-heading">{t('needed.heading')}</h2>
        <p className="section-note">
          {t('needed.explanation', {
            min: count(RATIO_MIN),
            max: count(RATIO_MAX),
            licences: count(EXAMPLE_LICENCES),
            low: count(example.low),
            high: count(example.high),
          })}
        </p>
        <div className="grid grid-3">
          <NumberField
            label={t('needed.licences')}
            value={licences}
            integer
            min={0}
            max={1e9}
            onChange={(n) => dispatch(setLicences({ licences: n }))}
            onBlur={seal}
            hint={t('needed.licencesHint')}
          />
          <NumberField
            label={t('needed.ratio')}
            value={inv.ratio}
            min={RATIO_MIN}
            max={RATIO_MAX}
            onChange={(n) => {
              if (n !== null) dispatch(setInvitationRatio({ ratio: n }));
            }}
            onBlur={seal}
            hint={t('needed.ratioHint', {
              min: count(RATIO_MIN),
              max: count(RATIO_MAX),
              usual: count(RATIO_DEFAULT),
            })}
          />
          <div className="field">
            <span className="field-label">{t('needed.toSend')}</span>
            <p className="inv-big" data-testid="invitations-needed">
              {licences === null ? '—' : count(summary.needed)}
            </p>
            {licences !== null && licences > 0 && (
              <p className="field-hint">
                {t('needed.range', {
                  count: licences,
                  low: count(summary.range.low),
                  high: count(summary.range.high),
                })}
              </p>
            )}
          </div>
        </div>
        {licences === null && <p className="section-note">{t('needed.noLicences')}</p>}
        <Warnings summary={summary} />
      </section>

      <section className="card" aria-labelledby="inv-rates-heading">
        <h2 id="inv-rates-heading">{t('rates.heading')}</h2>
        <p className="section-note">{t('rates.note')}</p>
        <div className="grid grid-3">
          {RATE_FIELDS.map((f) => (
            <NumberField
              key={f}
              label={t(`rates.${f}.label`)}
              value={inv.rates[f]}
              integer
              min={0}
              max={100}
              onChange={(n) => {
                if (n !== null) dispatch(setFunnelRate({ rate: f, value: n }));
              }}
              onBlur={seal}
              hint={t(`rates.${f}.hint`)}
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

/** A licence warning in the UI language (the words of shared/launch/invitations.ts licenceForecast). */
function useWarningText(summary: InvitationSummary): (w: LicenceWarning) => string {
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const n = (v: number) => format.number(v);
  const licences = summary.licences ?? 0;
  return (w) => {
    if (w.kind === 'unused')
      return t('warnings.unused', {
        unused: n(w.unused),
        licences: n(licences),
        expected: n(licences - w.unused),
      });
    const wave = summary.waves.find((x) => x.id === w.waveId);
    const args = {
      expected: n(licences + w.waiting),
      licences: n(licences),
      waiting: n(w.waiting),
      freeable: n(w.freeable),
    };
    const first = wave
      ? t('warnings.runOutDuring', { ...args, wave: wave.name })
      : t('warnings.runOut', args);
    const second =
      w.freeable >= w.waiting
        ? t('warnings.freeingCovers', args)
        : t('warnings.freeingShort', args);
    return `${first} ${second}`;
  };
}

function Warnings({ summary }: { summary: InvitationSummary }) {
  const { t } = useTranslation('invitations');
  const warningText = useWarningText(summary);
  const notes = [
    ...summary.warnings.map(warningText),
    ...(summary.evenSegments ? [t('warnings.evenSegments')] : []),
    ...(summary.evenWaves ? [t('warnings.evenWaves')] : []),
  ];
  if (notes.length === 0) return null;
  return (
    <ul className="inv-warnings" aria-label={t('warnings.label')}>
      {notes.map((n) => (
        <li key={n} className="warning-text">
          {n}
        </li>
      ))}
    </ul>
  );
}

type DateKind = 'launch' | 'date' | 'none';

/** How a wave's date is given. */
const dateKind = (wave: InvitationWave): DateKind => wave.date?.anchor ?? 'none';

function WavesCard({
  waves,
  summary,
  launchStart,
}: {
  waves: readonly InvitationWave[];
  summary: InvitationSummary;
  launchStart: string | null;
}) {
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  // A new wave's name ("Wave 2") is plan content: in the plan's document language.
  const write = useDocumentTranslator(usePlan((p) => p.documentLanguage));
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
        <h2 id="inv-waves-heading">{t('waves.heading')}</h2>
        <button
          type="button"
          onClick={() => {
            const n = waves.length + 1;
            dispatch(
              invitationWaves.add({
                item: {
                  id: newId('wave'),
                  name: write('invitations:waves.defaultName', { n }),
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
          {t('waves.add')}
        </button>
      </div>
      <p className="section-note">
        {t('waves.intro')}{' '}
        {waves.length > 0 && shareTotal !== 100
          ? t('waves.sharesNow', { total: format.percent(shareTotal / 100) })
          : t('waves.shares')}{' '}
        {launchStart
          ? t('waves.fromLaunch', { date: format.date(launchStart) })
          : t('waves.noLaunch')}
      </p>
      {waves.length === 0 ? (
        <p className="empty-note">{t('waves.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('waves.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('waves.col.wave')}</th>
              <th scope="col">{t('waves.col.date')}</th>
              <th scope="col">{t('waves.col.when')}</th>
              <th scope="col" className="num">
                {t('waves.col.share')}
              </th>
              <th scope="col" className="num">
                {t('waves.col.invitations')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('waves.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {waves.map((wave, j) => {
              const split = summary.waves[j];
              const kind = dateKind(wave);
              const label = wave.name || t('waves.defaultName', { n: j + 1 });
              return (
                <tr key={wave.id} data-wave-id={wave.id}>
                  <td>
                    <InlineText
                      label={t('waves.nameOf', { n: j + 1 })}
                      value={wave.name}
                      onChange={(name) =>
                        dispatch(invitationWaves.update({ id: wave.id, patch: { name } }))
                      }
                      onBlur={seal}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('waves.dateOf', { wave: label })}
                      value={kind}
                      onChange={(e) => changeKind(wave, e.target.value as DateKind)}
                    >
                      <option value="launch">{t('waves.kind.launch')}</option>
                      <option value="date">{t('waves.kind.date')}</option>
                      <option value="none">{t('waves.kind.none')}</option>
                    </select>
                  </td>
                  <td>
                    {wave.date?.anchor === 'launch' && (
                      <span className="inv-when">
                        <InlineNumber
                          label={t('waves.daysOf', { wave: label })}
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
                          {split?.date ? format.date(split.date) : t('waves.noLaunchStart')}
                        </span>
                      </span>
                    )}
                    {wave.date?.anchor === 'date' && (
                      <DateField
                        label={t('waves.fixedDateOf', { wave: label })}
                        hideLabel
                        value={wave.date.date}
                        onChange={(date) => {
                          setDate(wave, date ? { anchor: 'date', date } : null);
                        }}
                        onBlur={seal}
                      />
                    )}
                    {!wave.date && <span className="warning-text">{t('waves.noDate')}</span>}
                  </td>
                  <td className="num">
                    <InlineNumber
                      label={t('waves.shareOf', { wave: label })}
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
                      aria-label={t('waves.deleteOf', { wave: label })}
                      onClick={() => dispatch(invitationWaves.remove({ ids: [wave.id] }))}
                    >
                      {t('waves.delete')}
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
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
  const waves = summary.waves;
  return (
    <section className="card" aria-labelledby="inv-split-heading">
      <h2 id="inv-split-heading">{t('split.heading')}</h2>
      <p className="section-note">{t('split.note')}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="invitation-split">
          <caption className="visually-hidden">{t('split.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('split.segment')}</th>
              <th scope="col" className="num">
                {t('split.expected')}
              </th>
              {waves.map((w) => (
                <th key={w.id} scope="col" className="num">
                  <bdi>{w.name || t('wave')}</bdi>
                </th>
              ))}
              <th scope="col" className="num">
                {t('split.invitations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.segments.map((s) => (
              <tr key={s.segmentId ?? 'all'}>
                <th scope="row">
                  <bdi>{s.name || t('unnamedSegment')}</bdi>
                </th>
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
              <th scope="row">{t('total')}</th>
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
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
  const rows = summary.waves.length
    ? summary.waves.map((w) => ({
        id: w.id,
        name: w.name || t('wave'),
        date: w.date,
        f: w.funnel,
      }))
    : [{ id: 'all', name: t('funnel.allInvitations'), date: null, f: summary.total }];
  return (
    <section className="card" aria-labelledby="inv-funnel-heading">
      <h2 id="inv-funnel-heading">{t('funnel.heading')}</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="invitation-funnel">
          <caption className="visually-hidden">{t('funnel.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funnel.wave')}</th>
              <th scope="col">{t('funnel.date')}</th>
              <th scope="col" className="num">
                {t('funnel.invited')}
              </th>
              <th scope="col" className="num">
                {t('funnel.registered')}
              </th>
              <th scope="col" className="num">
                {t('funnel.active')}
              </th>
              <th scope="col" className="num">
                {t('funnel.completing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <bdi>{r.name}</bdi>
                </th>
                <td>{r.date ? format.date(r.date) : '—'}</td>
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
                <th scope="row">{t('funnel.allWaves')}</th>
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
  const { t } = useTranslation('invitations');
  const format = useFormat();
  const count = (n: number) => format.number(n);
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
    .map((p) =>
      p.waiting
        ? t('forecast.pointWaiting', {
            wave: p.name,
            used: count(p.used),
            waiting: count(p.waiting),
          })
        : t('forecast.point', { wave: p.name, used: count(p.used) }),
    )
    .join(t('forecast.separator'));
  return (
    <section className="card" aria-labelledby="inv-forecast-heading">
      <h2 id="inv-forecast-heading">{t('forecast.heading')}</h2>
      <p className="section-note">{t('forecast.note')}</p>
      <svg
        className="inv-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('forecast.chartLabel', { licences: count(licences), points: described })}
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
                {p.date ? format.date(p.date) : t('forecast.noDate')}
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
        <span className="inv-key inv-key-used" /> {t('forecast.inUse')}{' '}
        <span className="inv-key inv-key-waiting" /> {t('forecast.waitingForLicence')}{' '}
        <span className="inv-key inv-key-limit" /> {t('forecast.bought')}
      </p>
      <table className="data-table compact">
        <caption>{t('forecast.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.after')}</th>
            <th scope="col">{t('forecast.date')}</th>
            <th scope="col" className="num">
              {t('forecast.invitedSoFar')}
            </th>
            <th scope="col" className="num">
              {t('forecast.inUse')}
            </th>
            <th scope="col" className="num">
              {t('forecast.waiting')}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.waveId}>
              <th scope="row">
                <bdi>{p.name}</bdi>
              </th>
              <td>{p.date ? format.date(p.date) : '—'}</td>
              <td className="num">{count(p.invited)}</td>
              <td className="num">
                {t('forecast.usedOf', { used: count(p.used), licences: count(licences) })}
              </td>
              <td className="num">{count(p.waiting)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
