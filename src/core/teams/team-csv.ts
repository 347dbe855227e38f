import { stringify } from "csv-stringify/sync";
import type { DashboardRow } from "./team-dashboard.js";

/** The CSV export's columns, in order; the header row uses these names. */
export const DASHBOARD_CSV_COLUMNS = [
  "email",
  "exam",
  "target_date",
  "days_left",
  "status",
  "pass_probability",
  "required_probability",
  "predicted_score",
  "score_low_80",
  "score_high_80",
  "passing_score",
  "trend",
  "trend_change",
  "answered",
  "evidence",
  "weakest_domains",
  "last_activity",
  "reasons",
] as const;

/**
 * A spreadsheet cell starting with = + - @ (or a tab/CR) runs as a formula in Excel and LibreOffice; emails and
 * names are user text, so such cells get a leading apostrophe (OWASP "CSV injection").
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The dashboard rows as RFC 4180 CSV (CRLF, quoted where needed, a header row); numbers are plain decimals. */
export function dashboardCsv(rows: readonly DashboardRow[]): string {
  const records = rows.map((r) => [
    safeCell(r.email),
    r.exam,
    r.targetDate,
    r.daysLeft,
    r.status,
    r.passProbability ?? "",
    r.requiredProbability,
    r.predictedScaledScore?.estimate ?? "",
    r.predictedScaledScore?.low ?? "",
    r.predictedScaledScore?.high ?? "",
    r.passingScore,
    r.trend.direction,
    r.trend.change ?? "",
    r.answered,
    r.evidence,
    safeCell(r.weakestDomains.map((d) => `${d.id} ${d.name}`).join("; ")),
    r.lastActivity ?? "",
    safeCell(r.reasons.join(" ")),
  ]);
  return stringify(records, {
    header: true,
    columns: [...DASHBOARD_CSV_COLUMNS],
    record_delimiter: "windows",
  });
}
