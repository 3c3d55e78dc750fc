import { describe, expect, it, vi } from 'vitest';
import type { ActiveElement, ChartEvent, TooltipItem } from 'chart.js';
import { chartConfig } from '../../../../renderer/features/dashboard/charts/chartConfig';
import { Chart } from '../../../../renderer/features/dashboard/charts/chartSetup';
import type { ChartSpec } from '../../../../renderer/features/dashboard/charts/chartSpec';

const spec = (type: 'bar' | 'line', n = 3): ChartSpec => ({
  id: 'chart-x',
  title: 'x',
  definition: 'd',
  type,
  labels: Array.from({ length: n }, (_, i) => `2006-${String(i + 1).padStart(2, '0')}`),
  series: [
    {
      label: '생산액',
      unit: 'metric',
      metric: 'production',
      values: Array.from({ length: n }, (_, i) => (i === 1 ? null : 1_230_000_000)),
      routes: Array.from({ length: n }, () => ({ path: 'indicators', query: { ids: 'a' } })),
    },
    {
      label: '참여 연인원',
      unit: 'people',
      secondAxis: true,
      values: Array.from({ length: n }, () => 120),
      routes: Array.from({ length: n }, () => null),
    },
  ],
});

describe('chart configuration', () => {
  it('registers only the parts it uses, and never animates', () => {
    expect(Chart.registry.getController('bar')).toBeDefined();
    expect(Chart.registry.getPlugin('decimation')).toBeDefined();
    expect(() => Chart.registry.getController('pie')).toThrow();
    const c = chartConfig(spec('bar'), 'ko', () => undefined);
    expect(c.options?.animation).toBe(false);
    expect(Chart.defaults.animation).toBe(false);
  });

  it('formats axes and tooltips in Korean units, a second axis in its own unit', () => {
    const c = chartConfig(spec('bar'), 'ko', () => undefined);
    const scales = c.options?.scales as Record<
      string,
      { ticks: { callback: (v: number) => string } }
    >;
    expect(scales.y?.ticks.callback(1_230_000_000)).toBe('12.3억원');
    expect(scales.y1?.ticks.callback(120)).toBe('120명');
    const label = c.options?.plugins?.tooltip?.callbacks?.label as (
      i: TooltipItem<'bar'>,
    ) => string;
    expect(label({ datasetIndex: 0, dataIndex: 1 } as TooltipItem<'bar'>)).toBe('생산액: –');
  });

  it('thins long line series with decimation over x/y points', () => {
    const c = chartConfig(spec('line', 200), 'ko', () => undefined);
    expect(c.options?.plugins?.decimation).toMatchObject({ enabled: true, algorithm: 'lttb' });
    expect(c.options?.parsing).toBe(false);
    expect(c.data.datasets[0]?.data[2]).toEqual({ x: 2, y: 1_230_000_000 });
  });

  it('gives neighbouring series different greys and dashes (they stay apart in greyscale)', () => {
    const [a, b] = chartConfig(spec('line'), 'ko', () => undefined).data.datasets as Array<{
      borderColor: string;
      borderDash: number[];
    }>;
    expect(a?.borderColor).not.toBe(b?.borderColor);
    expect(a?.borderDash).not.toEqual(b?.borderDash);
  });

  it('reports the clicked bar as (series, index)', () => {
    const onPoint = vi.fn();
    const c = chartConfig(spec('bar'), 'ko', onPoint);
    const onClick = c.options?.onClick as (e: ChartEvent, el: ActiveElement[]) => void;
    onClick({} as ChartEvent, [{ datasetIndex: 1, index: 2 } as ActiveElement]);
    onClick({} as ChartEvent, []);
    expect(onPoint.mock.calls).toEqual([[1, 2]]);
  });
});
