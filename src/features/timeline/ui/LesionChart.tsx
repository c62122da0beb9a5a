import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { QUANTITY_LABEL, QUANTITY_UNIT, TIMELINE_QUANTITIES, type TimelineChartData, type TimelineQuantity } from '../../../response';

const COLOUR: Record<TimelineQuantity, string> = { segmentedVolume: '#4ea1ff', ellipsoidVolume: '#d29922', longestDiameter: '#3fb950' };
const AXIS = { stroke: '#9aa4b2', grid: { stroke: '#262b33', width: 1 }, ticks: { stroke: '#262b33', width: 1 } };
const HEIGHT = 170;
/** Room left and right of the first and last study date so the date labels fit. */
const PAD_SECONDS = 86_400 * 20;
const niceMax = (max: number | null): number => (max !== null && max > 0 ? max * 1.15 : 1);

/** Volumes (mL, left axis) and longest diameter (mm, right axis) of one lesion over the study dates. */
export function LesionChart({ data }: { data: TimelineChartData }) {
  const container = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(data);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const shown = TIMELINE_QUANTITIES.filter((q) => data.series[q].some((v) => v !== null));
    const units = [...new Set(shown.map((q) => QUANTITY_UNIT[q]))];
    const axes: uPlot.Axis[] = [
      { ...AXIS, splits: () => data.x, values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(0, 10)) },
      ...units.map((unit, i): uPlot.Axis => ({ ...AXIS, scale: unit, label: unit, side: i === 0 ? 3 : 1, size: 44, grid: { show: i === 0, ...AXIS.grid } })),
    ];
    const width = Math.max(200, element.clientWidth);
    const chart = new uPlot(
      {
        width,
        height: HEIGHT,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: (_u, min, max) => [min - PAD_SECONDS, max + PAD_SECONDS] },
          // From zero, so a volume and a diameter drawn on their own axes are not stretched onto each other.
          mL: { range: (_u, _min, max) => [0, niceMax(max)] },
          mm: { range: (_u, _min, max) => [0, niceMax(max)] },
        },
        axes,
        series: [
          { label: 'Date', value: (_u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
          ...shown.map(
            (q): uPlot.Series => ({
              label: `${QUANTITY_LABEL[q]} (${QUANTITY_UNIT[q]})`,
              scale: QUANTITY_UNIT[q],
              stroke: COLOUR[q],
              width: 2,
              dash: q === 'ellipsoidVolume' ? [6, 4] : undefined,
              spanGaps: true,
              points: { show: true, size: 7, fill: COLOUR[q] },
            }),
          ),
        ],
      },
      [data.x, ...shown.map((q) => data.series[q])] as uPlot.AlignedData,
      element,
    );
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `data`
  }, [key]);

  return <div ref={container} className="lesion-chart" data-testid="lesion-chart" />;
}
