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
            <strong>{text(o)}</strong>
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
  correct,
  correctOptions,
  explanations,
}: {
  question: QuestionView;
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
      <p>The correct answer:</p>
      <CorrectAnswer question={question} answer={correctOptions} />
      <h4>Why</h4>
      <Explanations question={question} explanations={explanations} correct={correctOptions} />
    </section>
  );
}
