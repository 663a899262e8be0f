// The cash forecast per week: the expected collections (mid) as bars and the low–high band as a shaded area.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface ForecastPoint {
  readonly label: string;
  readonly low: number;
  readonly mid: number;
  readonly high: number;
  /** low, mid, high as shown (formatted for the language). */
  readonly texts: readonly [string, string, string];
}

export function ForecastChart(p: {
  points: readonly ForecastPoint[];
  title: string;
  names: { readonly mid: string; readonly band: string; readonly low: string; readonly high: string };
}) {
  const el = useRef<HTMLDivElement>(null);
  const { points, title, names } = p;
  useEffect(() => {
    if (el.current === null) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const labels = points.map((x) => x.label);
    chart.setOption({
      aria: {
        enabled: true,
        label: {
          description: `${title}: ${points.map((x) => `${x.label} ${x.texts[1]} (${x.texts[0]} – ${x.texts[2]})`).join('; ')}`,
        },
      },
      legend: { bottom: 0, data: [names.mid, names.band], itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 8, top: 12, bottom: 36, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          const x = points[i];
          if (x === undefined) return '';
          return [
            x.label,
            `${names.mid}: ${x.texts[1]}`,
            `${names.low}: ${x.texts[0]}`,
            `${names.high}: ${x.texts[2]}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 10, rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series: [
        {
          type: 'line',
          name: 'low',
          stack: 'band',
          data: points.map((x) => x.low),
          lineStyle: { opacity: 0 },
          symbol: 'none',
          silent: true,
        },
        {
          type: 'line',
          name: names.band,
          stack: 'band',
          data: points.map((x) => x.high - x.low),
          lineStyle: { opacity: 0 },
          areaStyle: { color: '#9fc2e0', opacity: 0.5 },
          z: 1,
          itemStyle: { color: '#9fc2e0' },
          symbol: 'none',
          silent: true,
        },
        {
          type: 'bar',
          name: names.mid,
          data: points.map((x) => x.mid),
          barMaxWidth: 28,
          z: 3,
          itemStyle: { color: '#2f6690' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, title, names]);
  return <div ref={el} className="plot" role="img" aria-label={title} data-testid="forecast-chart" />;
}

const compact = (v: number) => new Intl.NumberFormat(document.documentElement.lang, { notation: 'compact' }).format(v);
