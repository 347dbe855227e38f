import type { ReactNode } from "react";

/** A chart's numbers as a table, folded under the chart; the table scrolls sideways on a phone, not the page. */
export function ChartTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="chart-data">
      <summary>{label}</summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={label}>
        <table>{children}</table>
      </section>
    </details>
  );
}
