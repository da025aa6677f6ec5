/**
 * One Manage chart (shared/manage/charts.ts) drawn by Apache ECharts with its
 * SVG renderer — the same option the Word export renders server-side — in a
 * figure whose caption says what it shows, with a visible "Show as table"
 * toggle that sets the same figures out as a table (the text alternative for
 * screen readers and for anyone who prefers numbers).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpec } from '../../../../shared/manage/charts';
import { echarts } from '../../../../shared/manage/echarts-core';

/** The chart's figures as a table. */
export function ChartTableView({ spec, id }: { spec: ChartSpec; id?: string }) {
  return (
    <table className="data-table chart-table" id={id}>
      <caption>{spec.title}</caption>
      <thead>
        <tr>
          {spec.table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A chart with its caption and table toggle. */
export function Chart({ spec, height }: { spec: ChartSpec; height?: number }) {
  const { t } = useTranslation('dashboard');
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const [table, setTable] = useState(false);
  const tableId = useId();
  const captionId = useId();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    // ECharts' own ARIA label on the box repeats the caption: the figure is named once, by its caption.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(spec.option, { notMerge: true });
    // The drawing is described by the figure's caption and table; hide its generated label from screen readers.
    box.current?.setAttribute('aria-hidden', 'true');
  }, [spec.option]);

  return (
    <figure className="chart" aria-labelledby={captionId} data-chart={spec.id}>
      <div
        ref={box}
        className="chart-box"
        style={{ height: height ?? spec.height }}
        aria-hidden="true"
      />
      <figcaption id={captionId}>
        <span className="chart-summary">{spec.summary}</span>{' '}
        <button
          type="button"
          className="subtle"
          aria-expanded={table}
          aria-controls={tableId}
          onClick={() => setTable((t) => !t)}
          aria-label={
            table
              ? t('chart.hideTableOf', { title: spec.title })
              : t('chart.showTableOf', { title: spec.title })
          }
        >
          {table ? t('chart.hideTable') : t('chart.showTable')}
        </button>
      </figcaption>
      <div id={tableId} hidden={!table}>
        {table && <ChartTableView spec={spec} />}
      </div>
    </figure>
  );
}
