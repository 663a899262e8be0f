// The aging as a bar chart: ECharts' core with only the bar chart, the components it uses and the SVG renderer
// (imported one by one, so the bundle holds what is drawn).
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The value as shown (formatted for the language). */
  readonly text: string;
}

export function AgingChart({
  bars,
  title,
  onBar,
  className = 'chart',
  testId,
}: {
  bars: readonly Bar[];
  title: string;
  onBar?: (i: number) => void;
  /** `plot` for a chart other than the dashboard's aging (same size). */
  className?: string;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (el.current === null) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: {
        enabled: true,
        label: { description: `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}` },
      },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (_v: unknown, i: number) => bars[i]?.text ?? '' },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series: [
        {
          type: 'bar',
          data: bars.map((b, i) => ({
            value: b.value,
            itemStyle: { color: i === 0 ? '#5b8db8' : overdueColour(i, bars.length) },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.text ?? '',
          },
          cursor: onBar ? 'pointer' : 'default',
        },
      ],
    });
    if (onBar) chart.on('click', (p) => onBar(p.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, title, onBar]);
  return <div ref={el} className={className} role="img" aria-label={title} data-testid={testId} />;
}

const compact = (v: number) => new Intl.NumberFormat(document.documentElement.lang, { notation: 'compact' }).format(v);

/** Later buckets darker: from amber to deep red. */
export function overdueColour(i: number, n: number): string {
  const shades = ['#e0a030', '#d9822b', '#c8602a', '#b0402a', '#8f2a24', '#6e1c1c'];
  return (
    shades[Math.min(shades.length - 1, Math.round(((i - 1) / Math.max(1, n - 2)) * (shades.length - 1)))] ?? '#8f2a24'
  );
}
