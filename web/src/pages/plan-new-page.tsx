import { type FormEvent, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError, api } from "../api.js";
import { Title } from "../components/status.js";
import { codesOf, inWeeks } from "../form-values.js";
import type { PlanRequest } from "../learning/learning-types.js";
import { useApi } from "../use-api.js";
import "../learning/learning.css";

const DEFAULT_WEEKS = 8;

/** "Start a plan": an exam or an advisor path, a target date and hours per week; errors come from the API. */
export function PlanNewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const exams = useApi("exams", () => api.exams());
  const initialPath = params.get("path") ?? "";
  const [kind, setKind] = useState<"exam" | "path">(initialPath ? "path" : "exam");
  const [exam, setExam] = useState(params.get("exam") ?? "");
  const [path, setPath] = useState(codesOf(initialPath).join(", "));
  const [targetDate, setTargetDate] = useState(params.get("by") || inWeeks(DEFAULT_WEEKS));
  const [hours, setHours] = useState(params.get("hours") || "6");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  // The API names the field it refuses (e.g. "targetDate", "path.1"); the message goes next to that field.
  const fieldOf = (e: ApiError | null) => e?.field?.split(".")[0];
  // The API's message may start with its field name ("targetDate: …"); the label already says which field.
  const problem = (field: string) =>
    fieldOf(error) === field ? error?.message.replace(/^[\w.]+: /, "") : undefined;
  const LABELS: Record<string, string> = {
    exam: kind === "exam" ? "Exam" : "Exam codes",
    path: "Exam codes",
    targetDate: "Target exam date",
    hoursPerWeek: "Hours per week",
  };
  const shownAt = LABELS[fieldOf(error) ?? ""];
  const errorProps = (field: string) =>
    problem(field) ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: PlanRequest = {
      ...(kind === "exam" ? { exam } : { path: codesOf(path) }),
      targetDate,
      hoursPerWeek: Number(hours),
    };
    setBusy(true);
    setError(null);
    try {
      const plan = await api.createPlan(body);
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "client", String(err)));
      setBusy(false);
    }
  };

  const options = exams.state === "ready" ? exams.data.exams : [];
  const known = options.some((o) => o.code === exam);
  const fieldError = (field: string) =>
    problem(field) && (
      <span className="field-error" id={`${id}-${field}-error`}>
        {problem(field)}
      </span>
    );
  return (
    <section className="plan-new">
      <Title>Start a study plan</Title>
      <p className="lead">
        Weekly sessions up to your exam date: study weighted by each domain's weight and your weak spots,
        reviews of what you missed, and practice exams at the right moments.
      </p>
      <form className="plan-form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <div className="notice notice-error" role="alert">
            <strong>The plan could not be made.</strong>{" "}
            {shownAt ? `Check ${shownAt.toLowerCase()} below.` : error.message}
          </div>
        )}
        <fieldset className="segmented-choice">
          <legend>Plan for</legend>
          <label className="choice">
            <input type="radio" name="kind" checked={kind === "exam"} onChange={() => setKind("exam")} /> One
            exam
          </label>
          <label className="choice">
            <input type="radio" name="kind" checked={kind === "path"} onChange={() => setKind("path")} /> A
            path of exams
          </label>
        </fieldset>
        {kind === "exam" ? (
          <div className="field">
            <label htmlFor={`${id}-exam`}>Exam</label>
            <select
              id={`${id}-exam`}
              value={exam}
              onChange={(e) => setExam(e.target.value)}
              {...errorProps("exam")}
            >
              <option value="">Choose an exam…</option>
              {!known && exam && <option value={exam}>{exam}</option>}
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code} · {o.name}
                </option>
              ))}
            </select>
            {fieldError("exam")}
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-path`}>Exam codes, in the order you take them</label>
            <input
              id={`${id}-path`}
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="CLF-C02, SAA-C03"
              autoCapitalize="characters"
              {...errorProps("path")}
            />
            {fieldError("path") || fieldError("exam")}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-date`}>Target exam date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={targetDate}
            onChange={(e) => setTargetDate(e.target.value)}
            {...errorProps("targetDate")}
          />
          {fieldError("targetDate")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-hours`}>Hours per week</label>
          <input
            id={`${id}-hours`}
            type="number"
            inputMode="decimal"
            min={0.5}
            max={80}
            step={0.5}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            {...errorProps("hoursPerWeek")}
          />
          {fieldError("hoursPerWeek")}
        </div>
        <div className="start-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Planning…" : "Make the plan"}
          </button>
        </div>
      </form>
    </section>
  );
}
