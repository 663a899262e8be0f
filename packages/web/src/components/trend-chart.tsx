// The aging by month-end as stacked bars, one series per bucket (ECharts' bar chart with a legend).
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { overdueColour } from './aging-chart';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface TrendSeries {
  readonly label: string;
  /** One value per month, as `months`. */
  readonly values: readonly number[];
  /** The values as shown (formatted for the language). */
  readonly texts: readonly string[];
}

export function TrendChart(p: {
  months: readonly string[];
  series: readonly TrendSeries[];
  title: string;
  onPoint?: (month: number, bucket: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const { months, series, title, onPoint } = p;
  useEffect(() => {
    if (el.current === null) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const last = months.length - 1;
    chart.setOption({
      aria: {
        enabled: true,
        label: {
          description: `${title}: ${months[last] ?? ''}: ${series.map((s) => `${s.label} ${s.texts[last] ?? ''}`).join('; ')}`,
        },
      },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 8, top: 12, bottom: 36, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: undefined,
        formatter: (ps: { seriesIndex: number; dataIndex: number; marker: string; seriesName: string }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          const rows = ps.map((x) => `${x.marker}${x.seriesName}: ${series[x.seriesIndex]?.texts[i] ?? ''}`);
          return [months[i] ?? '', ...rows].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: months, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series: series.map((s, i) => ({
        type: 'bar',
        name: s.label,
        stack: 'aging',
        data: s.values,
        barMaxWidth: 36,
        itemStyle: { color: i === 0 ? '#5b8db8' : overdueColour(i, series.length) },
        emphasis: { focus: 'series' },
        cursor: onPoint ? 'pointer' : 'default',
      })),
    });
    if (onPoint) chart.on('click', (x) => onPoint(x.dataIndex, x.seriesIndex ?? 0));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, series, title, onPoint]);
  return <div ref={el} className="plot" role="img" aria-label={title} data-testid="trend-chart" />;
}

const compact = (v: number) => new Intl.NumberFormat(document.documentElement.lang, { notation: 'compact' }).format(v);
