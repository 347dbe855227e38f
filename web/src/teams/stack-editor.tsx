import { useId, useState } from "react";
import { teamApi } from "./team-api.js";
import type { Service } from "./team-types.js";
import { useFormAction } from "./use-form-action.js";

const wordsOf = (text: string) =>
  text
    .split(/[,\n]+/)
    .map((w) => w.trim())
    .filter(Boolean);

/** The team's stack: AWS services by slug, name or alias, comma-separated; unknown ones come back with suggestions. */
export function StackEditor({
  teamId,
  stack,
  onSaved,
}: {
  teamId: string;
  stack: Service[];
  onSaved: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(stack.map((s) => s.slug).join(", "));
  const {
    busy,
    error,
    done: saved,
    submit,
  } = useFormAction(async () => {
    const r = await teamApi.setStack(teamId, wordsOf(text));
    setText(r.stack.map((s) => s.slug).join(", "));
    onSaved();
    return r.stack.length ? `Saved: ${r.stack.map((s) => s.name).join(", ")}.` : "Saved: no services.";
  });

  return (
    <form className="team-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Services your organisation uses</h3>
      <div className="team-field">
        <label htmlFor={`${id}-services`}>AWS services, separated by commas</label>
        <textarea
          id={`${id}-services`}
          value={text}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          placeholder="lambda, dynamodb, api gateway"
          aria-describedby={`${id}-hint`}
        />
      </div>
      <p className="muted small" id={`${id}-hint`}>
        Names or short names both work (e.g. “API Gateway”, “dynamo”).
      </p>
      {/* The message names the service and the nearest slugs (not certification links, as ErrorBox would). */}
      {error && (
        <p className="notice notice-warning" role="alert">
          {error.message}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save stack"}
      </button>
    </form>
  );
}
