/*
 * One uPlot chart of per-minute series. uPlot draws on a canvas from plain arrays, so a day of
 * minutes is one fast draw; it knows nothing of React, so this wrapper creates it once per shape
 * and theme, and hands it new data otherwise. Colours come from the theme's CSS variables (read
 * through a probe element, since they are light-dark() values), so both themes stay readable.
 * The canvas is an image to assistive technology; the table view carries the numbers.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** A CSS colour, usually var(--…). */
  color: string;
  values: (number | null)[];
}

function resolveColor(css: string, host: HTMLElement): string {
  const probe = document.createElement('span');
  probe.style.color = css;
  host.appendChild(probe);
  const out = getComputedStyle(probe).color;
  probe.remove();
  return out;
}

export interface HealthChartProps {
  title: string;
  /** Epoch ms of each minute. */
  minutes: number[];
  series: ChartSeries[];
  unit?: string;
  theme: string;
}

export function HealthChart({ title, minutes, series, unit, theme }: HealthChartProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${theme}|${series.map((s) => `${s.label}:${s.color}`).join(',')}`;
  // The latest data, for a chart (re)built by the effect below without depending on the data.
  const latest = useRef({ minutes, series });
  useLayoutEffect(() => {
    latest.current = { minutes, series };
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let resize: ResizeObserver | null = null;
    // One frame later: the theme attribute a theme switch sets is applied by then, so the colours
    // read below are the new theme's.
    const frame = requestAnimationFrame(() => {
      const data = latest.current;
      const text = resolveColor('var(--muted)', el);
      const grid = resolveColor('var(--border)', el);
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      const opts: uPlot.Options = {
        width: Math.max(240, el.clientWidth),
        height: 150,
        // Room on the right for half of the last time label, which uPlot centres on its tick.
        padding: [12, 32, null, null],
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          axis,
          { ...axis, size: unit ? 60 : 44, ...(unit ? { values: (_u, vals) => vals.map((v) => `${v}${unit}`) } : {}) },
        ],
        series: [
          {},
          ...data.series.map((s) => ({
            label: s.label,
            stroke: resolveColor(s.color, el),
            width: 1.5,
            points: { show: false },
            spanGaps: false,
          })),
        ],
      };
      chart = new uPlot(
        opts,
        [data.minutes.map((m) => m / 1000), ...data.series.map((s) => s.values)] as uPlot.AlignedData,
        el,
      );
      plot.current = chart;
      const built = chart;
      resize = new ResizeObserver(() => built.setSize({ width: Math.max(240, el.clientWidth), height: 150 }));
      resize.observe(el);
    });
    return () => {
      cancelAnimationFrame(frame);
      resize?.disconnect();
      chart?.destroy();
      plot.current = null;
    };
    // Data updates go through setData below; only a new shape, unit or theme rebuilds the chart.
  }, [shape, unit]);

  useEffect(() => {
    plot.current?.setData([minutes.map((m) => m / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [minutes, series]);

  return (
    <figure className="health-chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={`${title} chart; the same numbers are in the table view`} />
    </figure>
  );
}
