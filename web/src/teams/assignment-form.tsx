import { useId, useState } from "react";
import { api } from "../api.js";
import { ErrorBox } from "../components/status.js";
import { codesOf, inWeeks } from "../form-values.js";
import { useApi } from "../use-api.js";
import { teamApi } from "./team-api.js";
import type { Team } from "./team-types.js";
import { useFormAction } from "./use-form-action.js";

/** Assign an exam or an advisor path, with a target date, to the whole team or chosen members. */
export function AssignmentForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const id = useId();
  const exams = useApi("exams", () => api.exams());
  const [kind, setKind] = useState<"exam" | "path">("exam");
  const [exam, setExam] = useState("");
  const [path, setPath] = useState("");
  const [targetDate, setTargetDate] = useState(inWeeks(8));
  const [everyone, setEveryone] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const learners = team.members.filter((m) => m.role === "member");
  const { busy, error, done, submit } = useFormAction(async () => {
    const r = await teamApi.assign(team.id, {
      ...(kind === "exam" ? { exam } : { path: codesOf(path) }),
      targetDate,
      ...(everyone ? {} : { members: chosen }),
    });
    onDone();
    const what = r.assignments[0]?.exams.join(" → ") ?? "";
    return `Assigned ${what} by ${targetDate} to ${everyone ? "the whole team" : chosen.join(", ")}.`;
  });

  const options = exams.state === "ready" ? exams.data.exams : [];
  return (
    <form className="team-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Assign an exam</h3>
      <fieldset className="team-kind">
        <legend>What to assign</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === "exam"}
            onChange={() => setKind("exam")}
          />{" "}
          One exam
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === "path"}
            onChange={() => setKind("path")}
          />{" "}
          An advisor path
        </label>
      </fieldset>
      {kind === "exam" ? (
        <div className="team-field">
          <label htmlFor={`${id}-exam`}>Exam</label>
          <select id={`${id}-exam`} value={exam} onChange={(e) => setExam(e.target.value)} required>
            <option value="">Choose an exam…</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="team-field">
          <label htmlFor={`${id}-path`}>Exam codes in order</label>
          <input
            id={`${id}-path`}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="CLF-C02, SAA-C03"
            required
            autoComplete="off"
          />
        </div>
      )}
      <div className="team-field">
        <label htmlFor={`${id}-date`}>Target date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={targetDate}
          onChange={(e) => setTargetDate(e.target.value)}
          required
        />
      </div>
      <fieldset className="team-members">
        <legend>Who</legend>
        <label>
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> The
          whole team (also members who join later)
        </label>
        {!everyone &&
          learners.map((m) => (
            <label key={m.email}>
              <input
                type="checkbox"
                checked={chosen.includes(m.email)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, m.email] : chosen.filter((x) => x !== m.email))
                }
              />{" "}
              {m.email}
            </label>
          ))}
      </fieldset>
      {error && <ErrorBox error={error} />}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <button className="button button-primary" type="submit" disabled={busy}>
        {busy ? "Assigning…" : "Assign"}
      </button>
    </form>
  );
}
