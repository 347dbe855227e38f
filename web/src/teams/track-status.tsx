import type { TrackStatus } from "./team-types.js";

const WORDS: Record<TrackStatus, { mark: string; label: string }> = {
  "on-track": { mark: "✓", label: "On track" },
  "at-risk": { mark: "!", label: "At risk" },
  "no-data": { mark: "–", label: "No data" },
};

/** The status as a word with a mark (never colour alone); `title` carries the reasons. */
export function TrackBadge({ status, reasons }: { status: TrackStatus; reasons?: string[] }) {
  const w = WORDS[status];
  return (
    <span className={`track track-${status}`} title={reasons?.join(" ")}>
      <span aria-hidden="true" className="track-mark">
        {w.mark}
      </span>{" "}
      {w.label}
    </span>
  );
}

/** A probability as people read it: "under 1%", "64%", "over 99%"; "—" when there is none. */
export function percent(p: number | null): string {
  if (p === null) return "—";
  return p < 0.01 ? "under 1%" : p > 0.99 ? "over 99%" : `${Math.round(p * 100)}%`;
}
