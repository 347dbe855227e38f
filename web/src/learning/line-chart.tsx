import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** One line of a chart; lines differ by dash pattern as well as colour, so colour alone never carries meaning. */
export interface Line {
  label: string;
  values: (number | null)[];
  dash?: number[];
  points?: boolean;
}

// Colour-blind-safe (Okabe–Ito) strokes, dark enough to read on white.
const STROKES = ["#0a5d99", "#b34700", "#00735a", "#8f3f8a", "#6b5b00", "#4b5a68"];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];

/**
 * A line chart over numbered points (attempts), drawn by uPlot on a canvas that fills its container.
 * The canvas is hidden from assistive technology: every chart on a page comes with a table of its numbers.
 */
export function LineChart({
  xLabels,
  lines,
  y,
  height = 240,
  yLabel,
}: {
  xLabels: string[];
  lines: Line[];
  y: { min: number; max: number; format?: (v: number) => string };
  height?: number;
  yLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt when its data (serialised) changes
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = xLabels.map((_, i) => i + 1);
    const fmt = y.format ?? String;
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height,
      legend: { show: lines.length > 1, live: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [0.7, Math.max(xs.length, 1) + 0.3] },
        y: { range: [y.min, y.max] },
      },
      axes: [
        {
          incrs: [1],
          values: (_u, splits) => splits.map((v) => xLabels[Math.round(v) - 1] ?? ""),
          stroke: "#16202a",
          grid: { show: false },
        },
        {
          label: yLabel,
          stroke: "#16202a",
          values: (_u, splits) => splits.map(fmt),
          grid: { stroke: "#d5dde5", width: 1 },
          size: 56,
        },
      ],
      series: [
        {},
        ...lines.map((l, i) => ({
          label: l.label,
          stroke: STROKES[i % STROKES.length],
          width: 2,
          dash: l.dash ?? DASHES[i % DASHES.length],
          spanGaps: true,
          points: { show: l.points ?? true, size: 7, fill: "#ffffff" },
        })),
      ],
    };
    const chart = new uPlot(opts, [xs, ...lines.map((l) => l.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [JSON.stringify({ xLabels, lines, y: [y.min, y.max], height })]);
  return <div ref={box} className="line-chart" aria-hidden="true" />;
}
