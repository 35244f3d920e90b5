// A time-series chart on uPlot (~50 KB, only in the console's chunk): fits its container's
// width and follows it when the window changes.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type Line = { label: string; values: number[]; color: string; fill?: boolean };

export function TimeChart({ title, timeLabel, times, lines, testId }: { title: string; timeLabel: string; times: number[]; lines: Line[]; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(280, el.clientWidth);
    const plot = new uPlot(
      {
        width: width(),
        height: 200,
        cursor: { drag: { x: false, y: false } },
        legend: { show: true },
        scales: { x: { time: true } },
        axes: [
          { stroke: '#999', grid: { stroke: '#f0f0f0' }, ticks: { stroke: '#f0f0f0' } },
          { stroke: '#999', grid: { stroke: '#f0f0f0' }, ticks: { stroke: '#f0f0f0' }, size: 56 },
        ],
        series: [
          { label: timeLabel },
          ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 2, fill: l.fill ? `${l.color}22` : undefined, points: { size: 4 } })),
        ],
      },
      [times, ...lines.map((l) => l.values)],
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: 200 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [times, lines, timeLabel]);
  return (
    <figure className="card admin-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="admin-chart-box" />
    </figure>
  );
}
