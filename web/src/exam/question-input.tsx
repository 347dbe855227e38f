import { useEffect, useRef, useState } from "react";
import { Markdown } from "../components/markdown.js";
import type { AnswerInput, QuestionView, SavedState } from "./exam-types.js";

export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

interface Props {
  question: QuestionView;
  saved: SavedState | undefined;
  onAnswer: (input: AnswerInput) => void;
  disabled?: boolean;
  /** Practice: an ordering is checked (and locked) once, so moves stay local until the learner submits it. */
  deferOrder?: boolean;
}

/** The answer control for any of the four question types. */
export function QuestionInput(props: Props) {
  switch (props.question.type) {
    case "multiple-choice":
    case "multiple-response":
      return <ChoiceInput {...props} />;
    case "ordering":
      return <OrderingInput {...props} />;
    case "matching":
      return <MatchingInput {...props} />;
  }
}

/** What choosing option number `n` (1-based, from a keyboard shortcut) means for this question, if anything. */
export function answerForShortcut(
  q: QuestionView,
  saved: SavedState | undefined,
  n: number,
): AnswerInput | undefined {
  const option = q.options[n - 1];
  if (!option) return undefined;
  if (q.type === "multiple-choice") return { selected: [option.id] };
  if (q.type === "multiple-response") {
    const current = saved?.selected ?? [];
    if (current.includes(option.id)) return { selected: current.filter((x) => x !== option.id) };
    if (current.length >= (q.select ?? 1)) return undefined;
    return { selected: [...current, option.id] };
  }
  return undefined;
}

function ChoiceInput({ question: q, saved, onAnswer, disabled }: Props) {
  const selected = saved?.selected ?? [];
  const multi = q.type === "multiple-response";
  const limit = q.select ?? 1;
  const full = multi && selected.length >= limit;
  return (
    <fieldset className="answer-options" disabled={disabled}>
      <legend className="answer-legend">
        {multi ? `Choose ${limit}` : "Choose one"}
        {multi && (
          <span className="muted">
            {" "}
            ({selected.length} of {limit} chosen{full ? "; clear one to choose another" : ""})
          </span>
        )}
      </legend>
      {q.options.map((o, i) => {
        const checked = selected.includes(o.id);
        return (
          <label key={o.id} className={`option ${checked ? "option-checked" : ""}`}>
            <input
              type={multi ? "checkbox" : "radio"}
              name={`q-${q.id}`}
              value={o.id}
              checked={checked}
              disabled={multi && full && !checked}
              onChange={() =>
                onAnswer({
                  selected: multi
                    ? checked
                      ? selected.filter((x) => x !== o.id)
                      : [...selected, o.id]
                    : [o.id],
                })
              }
            />
            <span className="option-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <Markdown inline text={o.text} className="option-text" />
          </label>
        );
      })}
    </fieldset>
  );
}

function OrderingInput({ question: q, saved, onAnswer, disabled, deferOrder }: Props) {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const savedOrder = saved?.selected?.length ? saved.selected : null;
  const [draft, setDraft] = useState<string[] | null>(null);
  const order = draft ?? savedOrder ?? q.options.map((o) => o.id);
  const [announce, setAnnounce] = useState("");
  const focusNext = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // Moving an element in the DOM drops its focus; put it back on the same button.
  useEffect(() => {
    if (!focusNext.current) return;
    const el = list.current?.querySelector<HTMLButtonElement>(
      `[data-focus="${CSS.escape(focusNext.current)}"]`,
    );
    focusNext.current = null;
    if (el && !el.disabled) el.focus();
    else list.current?.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
  });
  const move = (index: number, delta: number, dir: "up" | "down") => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + delta, 0, item);
    focusNext.current = `${item}-${dir}`;
    setAnnounce(`${byId.get(item)?.text ?? item}: now ${index + delta + 1} of ${next.length}.`);
    if (deferOrder) setDraft(next);
    else onAnswer({ selected: next });
  };
  return (
    <div className="ordering">
      <p className="answer-legend" id={`ord-${q.id}`}>
        Put these in order, first at the top. Use the Up and Down buttons.{" "}
        {savedOrder ? (
          <span className="muted">Your order is saved.</span>
        ) : (
          <span className="muted">Not answered yet.</span>
        )}
      </p>
      <ol className="ordering-list" ref={list} aria-labelledby={`ord-${q.id}`}>
        {order.map((id, i) => (
          <li key={id} className="ordering-item">
            <span className="ordering-pos" aria-hidden="true">
              {i + 1}
            </span>
            <Markdown inline text={byId.get(id)?.text ?? id} className="option-text" />
            <span className="ordering-buttons">
              <button
                type="button"
                className="button button-small"
                data-focus={`${id}-up`}
                disabled={disabled || i === 0}
                onClick={() => move(i, -1, "up")}
                aria-label={`Move up: ${byId.get(id)?.text ?? id}`}
              >
                ↑ Up
              </button>
              <button
                type="button"
                className="button button-small"
                data-focus={`${id}-down`}
                disabled={disabled || i === order.length - 1}
                onClick={() => move(i, 1, "down")}
                aria-label={`Move down: ${byId.get(id)?.text ?? id}`}
              >
                ↓ Down
              </button>
            </span>
          </li>
        ))}
      </ol>
      {!savedOrder && (
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => {
            setDraft(null);
            onAnswer({ selected: order });
          }}
        >
          {deferOrder ? "Check this order" : "Keep this order as my answer"}
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

/** Option text for a native <select>, which cannot show Markdown: code spans and emphasis lose their marks. */
export function plainLabel(markdown: string): string {
  return markdown
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
}

function MatchingInput({ question: q, saved, onAnswer, disabled }: Props) {
  const pairs = new Map(saved?.pairs ?? []);
  const set = (promptId: string, optionId: string) => {
    const next = new Map(pairs);
    if (optionId) next.set(promptId, optionId);
    else next.delete(promptId);
    onAnswer({ pairs: [...next.entries()] });
  };
  return (
    <fieldset className="matching" disabled={disabled}>
      <legend className="answer-legend">Match each item with the option that fits it.</legend>
      <ul className="matching-options" aria-label="Options">
        {q.options.map((o, i) => (
          <li key={o.id} className="matching-option">
            <span className="option-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <Markdown inline text={o.text} className="option-text" />
          </li>
        ))}
      </ul>
      {(q.prompts ?? []).map((p, i) => (
        <div key={p.id} className="matching-row">
          <label htmlFor={`m-${q.id}-${p.id}`} className="matching-prompt">
            <span className="option-letter" aria-hidden="true">
              {i + 1}
            </span>
            <Markdown inline text={p.text} />
          </label>
          <select
            id={`m-${q.id}-${p.id}`}
            value={pairs.get(p.id) ?? ""}
            onChange={(e) => set(p.id, e.target.value)}
          >
            <option value="">Choose…</option>
            {q.options.map((o, j) => (
              <option key={o.id} value={o.id}>
                {LETTERS[j]}. {plainLabel(o.text)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
