import { Markdown } from "../components/markdown.js";
import type { Answer, QuestionView } from "./exam-types.js";
import { LETTERS } from "./question-input.js";

/** The correct answer in words: letters and text for choices, the order, or the pairs. */
export function CorrectAnswer({ question: q, answer }: { question: QuestionView; answer: Answer }) {
  const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? id;
  const letter = (id: string) => LETTERS[q.options.findIndex((o) => o.id === id)] ?? "?";
  if (q.type === "matching")
    return (
      <ul className="plain-list">
        {(answer.pairs ?? []).map(([p, o]) => (
          <li key={p}>
            <Markdown inline text={q.prompts?.find((x) => x.id === p)?.text ?? p} /> →{" "}
            <strong>
              <Markdown inline text={text(o)} />
            </strong>
          </li>
        ))}
      </ul>
    );
  if (q.type === "ordering")
    return (
      <ol className="plain-list">
        {(answer.selected ?? []).map((id) => (
          <li key={id}>
            <Markdown inline text={text(id)} />
          </li>
        ))}
      </ol>
    );
  return (
    <ul className="plain-list">
      {(answer.selected ?? []).map((id) => (
        <li key={id}>
          <strong>{letter(id)}.</strong> <Markdown inline text={text(id)} />
        </li>
      ))}
    </ul>
  );
}

/** Matching: each prompt with the learner's match, the right match and ✓/✗, side by side. */
export function MatchTable({
  question: q,
  mine,
  right,
}: {
  question: QuestionView;
  mine: [string, string][] | undefined;
  right: [string, string][] | undefined;
}) {
  const got = new Map(mine ?? []);
  const want = new Map(right ?? []);
  const text = (id: string | undefined) =>
    id ? (q.options.find((o) => o.id === id)?.text ?? id) : undefined;
  return (
    <div className="match-table-wrap">
      <table className="match-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Your match</th>
            <th scope="col">Correct match</th>
            <th scope="col">
              <span className="visually-hidden">Result</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(q.prompts ?? []).map((p) => {
            const mineText = text(got.get(p.id));
            const ok = got.get(p.id) !== undefined && got.get(p.id) === want.get(p.id);
            return (
              <tr key={p.id} className={ok ? "match-right" : "match-wrong"}>
                <th scope="row">
                  <Markdown inline text={p.text} />
                </th>
                <td data-label="Your match">
                  {mineText ? <Markdown inline text={mineText} /> : <span className="muted">none</span>}
                </td>
                <td data-label="Correct match">
                  <Markdown inline text={text(want.get(p.id)) ?? ""} />
                </td>
                <td className="match-mark">
                  <span aria-hidden="true">{ok ? "✓" : "✗"}</span>
                  <span className="visually-hidden">{ok ? "right" : "wrong"}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Why each option (or each item or prompt) is right or wrong. */
export function Explanations({
  question: q,
  explanations,
  correct,
}: {
  question: QuestionView;
  explanations: Record<string, string | null>;
  correct: Answer;
}) {
  const rows = q.type === "matching" ? (q.prompts ?? []) : q.options;
  const right = new Set(correct.selected ?? []);
  return (
    <ul className="explanations">
      {rows.map((r, i) => {
        const ex = explanations[r.id];
        if (!ex) return null;
        const isChoice = q.type === "multiple-choice" || q.type === "multiple-response";
        return (
          <li key={r.id} className={isChoice ? (right.has(r.id) ? "ex-right" : "ex-wrong") : ""}>
            <strong>
              {isChoice ? `${LETTERS[i]}. ` : q.type === "matching" ? `${i + 1}. ` : ""}
              {isChoice && (right.has(r.id) ? "✓ Correct: " : "✗ Incorrect: ")}
            </strong>
            <Markdown inline text={r.text} />
            <Markdown text={ex} className="ex-text" />
          </li>
        );
      })}
    </ul>
  );
}

/** Practice and drill feedback right after an answer. */
export function FeedbackPanel({
  question,
  answer,
  correct,
  correctOptions,
  explanations,
}: {
  question: QuestionView;
  answer?: Answer | undefined;
  correct: boolean;
  correctOptions: Answer;
  explanations: Record<string, string>;
}) {
  return (
    <section
      className={`feedback ${correct ? "feedback-right" : "feedback-wrong"}`}
      aria-labelledby={`fb-${question.id}`}
    >
      <h3 id={`fb-${question.id}`}>{correct ? "✓ Correct" : "✗ Not quite"}</h3>
      {question.type === "matching" ? (
        <MatchTable question={question} mine={answer?.pairs} right={correctOptions.pairs} />
      ) : (
        <>
          <p>The correct answer:</p>
          <CorrectAnswer question={question} answer={correctOptions} />
        </>
      )}
      <h4>Why</h4>
      <Explanations question={question} explanations={explanations} correct={correctOptions} />
    </section>
  );
}
