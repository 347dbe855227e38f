/** The local date `weeks` weeks from today, as YYYY-MM-DD (a date input's value). */
export function inWeeks(weeks: number): string {
  const d = new Date();
  d.setDate(d.getDate() + weeks * 7);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Exam codes as people type a path: "clf-c02, SAA-C03", "CLF-C02 → SAA-C03". */
export const codesOf = (text: string) =>
  text
    .split(/[\s,→>]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
