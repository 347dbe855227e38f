import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { type Advice, ApiError, api } from "../api.js";
import { ErrorBox, Status, Title } from "../components/status.js";
import { localToday } from "../practice-banks.js";
import { useApi } from "../use-api.js";
import { AdviceView } from "./advice-view.js";

interface Answers {
  role: string;
  awsExperience: string;
  fieldExperience: string;
  itBackground: "" | "yes" | "no";
  stack: string[];
  goal: string;
  hoursPerWeek: string;
  held: string[];
  want: string[];
  targetDate: string;
}

const EMPTY: Answers = {
  role: "",
  awsExperience: "",
  fieldExperience: "",
  itBackground: "",
  stack: [],
  goal: "",
  hoursPerWeek: "8",
  held: [],
  want: [],
  targetDate: "",
};
/** Years as the API takes them: a number from 0 to 50, "6 months", "none". */
function yearsOk(v: string): boolean {
  const t = v.trim().toLowerCase();
  if (/^(none|no|zero)$/.test(t)) return true;
  const m = /^(\d+(?:[.,]\d+)?)\s*(y|yr|yrs|year|years|m|mo|month|months)?$/.exec(t);
  if (!m?.[1]) return false;
  const n = Number(m[1].replace(",", "."));
  return (m[2]?.startsWith("m") ? n / 12 : n) <= 50;
}

const STEPS = ["Role", "Experience", "Stack", "Direction", "Time and goals"] as const;

// The services most organisations name first; the rest are one search away.
const COMMON = [
  "ec2",
  "s3",
  "lambda",
  "dynamodb",
  "api-gateway",
  "rds",
  "aurora",
  "vpc",
  "iam",
  "cloudfront",
  "ecs",
  "eks",
  "sqs",
  "sns",
  "eventbridge",
  "cloudwatch",
  "cloudformation",
  "glue",
  "athena",
  "redshift",
  "kinesis-data-streams",
  "sagemaker",
  "bedrock",
  "direct-connect",
  "transit-gateway",
  "kms",
  "guardduty",
  "organizations",
  "sap-on-aws",
];

const LISTS = ["stack", "held", "want"] as const;

/** The answers as URL parameters, so that results survive a reload, Back and sharing. */
function toParams(a: Answers): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(a)) {
    const value = Array.isArray(v) ? v.join(",") : v;
    if (value !== "") p.set(k, value);
  }
  return p;
}

function fromParams(p: URLSearchParams): Answers | undefined {
  if (!p.get("role")) return undefined;
  const a: Answers = { ...EMPTY };
  for (const k of Object.keys(EMPTY) as (keyof Answers)[]) {
    const v = p.get(k);
    if (v === null) continue;
    if ((LISTS as readonly string[]).includes(k)) (a[k] as string[]) = v.split(",").filter(Boolean);
    else (a[k] as string) = v;
  }
  if (a.itBackground !== "yes" && a.itBackground !== "no") a.itBackground = "";
  return a;
}

function request(a: Answers) {
  return {
    role: a.role,
    awsExperience: a.awsExperience,
    fieldExperience: a.fieldExperience || undefined,
    itBackground: a.itBackground === "yes",
    stack: a.stack,
    goal: a.goal || undefined,
    hoursPerWeek: a.hoursPerWeek,
    held: a.held,
    want: a.want,
    targetDate: a.targetDate || undefined,
    today: localToday(),
  };
}

export function AdvisorPage() {
  const vocab = useApi("vocabulary", () => api.vocabulary());
  const [params, setParams] = useSearchParams();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(() => fromParams(params) ?? EMPTY);
  const [problem, setProblem] = useState<string>();
  const [advice, setAdvice] = useState<Advice>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the new step's heading when the step changes
  useEffect(() => {
    heading.current?.focus();
  }, [step, advice]);

  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => setAnswers((a) => ({ ...a, [k]: v }));
  const toggle = (k: "stack" | "held" | "want", v: string) =>
    setAnswers((a) => ({ ...a, [k]: a[k].includes(v) ? a[k].filter((x) => x !== v) : [...a[k], v] }));

  const check = (): string | undefined => {
    if (step === 0 && !answers.role) return "Choose the role closest to yours.";
    if (step === 1) {
      if (!yearsOk(answers.awsExperience))
        return "Enter your years of hands-on AWS experience, from 0 to 50 (0.5 or “6 months” for six months).";
      if (answers.fieldExperience !== "" && !yearsOk(answers.fieldExperience))
        return "Enter your years in your field as a number from 0 to 50, or leave it empty.";
      if (!answers.itBackground) return "Say whether you have an IT or STEM background.";
    }
    if (step === 4) {
      const h = Number(answers.hoursPerWeek);
      if (!(h >= 0.5 && h <= 80)) return "Enter study hours per week, from 0.5 to 80.";
    }
    return undefined;
  };

  // The results are a function of the URL: reload, Back and a shared link show the same advice.
  const shown = params.get("results") === "1" ? fromParams(params) : undefined;
  const shownKey = shown ? params.toString() : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL (shownKey) decides what is fetched
  useEffect(() => {
    if (!shown) {
      setAdvice(undefined);
      return;
    }
    let live = true;
    setAnswers(shown);
    // Back from the results returns to the last question with every answer kept.
    setStep(STEPS.length - 1);
    setBusy(true);
    setError(undefined);
    api.advice(request(shown)).then(
      (result) => {
        if (!live) return;
        setBusy(false);
        setAdvice(result);
      },
      (e: unknown) => {
        if (!live) return;
        setBusy(false);
        setAdvice(undefined);
        setError(e instanceof ApiError ? e : new ApiError(0, "client", String(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [shownKey]);

  const submit = () => {
    const p = toParams(answers);
    p.set("results", "1");
    setParams(p);
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const p = check();
    setProblem(p);
    if (p) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else void submit();
  };

  if (shown && advice)
    return (
      <section>
        <Title>Your recommended paths</Title>
        <AdviceView advice={advice} headingRef={heading} />
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              const p = toParams(answers);
              setParams(p);
              setStep(0);
            }}
          >
            Change my answers
          </button>{" "}
          <Link to="/catalog">Browse the catalog</Link>
        </p>
      </section>
    );
  if (shown && !error) return <p aria-live="polite">Working out your paths…</p>;

  return (
    <section>
      <Title>Path advisor</Title>
      <p className="lead">Five short questions. The advice says why each step fits you, and what is risky.</p>
      <ol className="stepper" aria-label="Progress">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === step ? "current" : i < step ? "done" : ""}
            aria-current={i === step ? "step" : undefined}
          >
            <span className="visually-hidden">{i < step ? "Done: " : i === step ? "Current: " : ""}</span>
            {s}
          </li>
        ))}
      </ol>
      <Status value={vocab} what="the questions">
        {(v) => (
          <form className="wizard" onSubmit={next} noValidate>
            <h2 ref={heading} tabIndex={-1}>
              Step {step + 1} of {STEPS.length}: {STEPS[step]}
            </h2>
            {step === 0 && (
              <fieldset>
                <legend>Which role is closest to yours today?</legend>
                <div className="choice-grid">
                  {v.roles.map((r) => (
                    <label key={r.id} className="choice">
                      <input
                        type="radio"
                        name="role"
                        value={r.id}
                        checked={answers.role === r.id}
                        onChange={() => set("role", r.id)}
                      />
                      <span>{r.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {step === 1 && (
              <>
                {(
                  [
                    [
                      "awsExperience",
                      "Years of hands-on AWS experience",
                      "0 if you have not used AWS at work; 0.5 or “6 months” for six months.",
                    ],
                    [
                      "fieldExperience",
                      "Years in your field itself (optional)",
                      "Networking, security, data, ML, operations or development, with or without AWS. Leave it empty if you are not sure: it is then unknown, not zero.",
                    ],
                  ] as const
                ).map(([key, label, help]) => (
                  <label key={key} className="field">
                    <span>{label}</span>
                    <input
                      inputMode="decimal"
                      name={key}
                      value={answers[key]}
                      onChange={(e) => set(key, e.target.value)}
                      aria-describedby={`${key}-help`}
                    />
                    <small id={`${key}-help`}>{help}</small>
                  </label>
                ))}
                <fieldset>
                  <legend>Do you have an IT or STEM background?</legend>
                  <div className="choice-row">
                    {(["yes", "no"] as const).map((x) => (
                      <label key={x} className="choice">
                        <input
                          type="radio"
                          name="itBackground"
                          value={x}
                          checked={answers.itBackground === x}
                          onChange={() => set("itBackground", x)}
                        />
                        <span>{x === "yes" ? "Yes" : "No"}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </>
            )}
            {step === 2 && (
              <fieldset>
                <legend>Which AWS services does your organisation use? (optional)</legend>
                <div className="choice-grid choice-grid-small">
                  {v.services
                    .filter((s) => COMMON.includes(s.slug))
                    .map((s) => (
                      <label key={s.slug} className="choice">
                        <input
                          type="checkbox"
                          checked={answers.stack.includes(s.slug)}
                          onChange={() => toggle("stack", s.slug)}
                        />
                        <span>{s.name}</span>
                      </label>
                    ))}
                </div>
              </fieldset>
            )}
            {step === 3 && (
              <label className="field">
                <span>Where do you want to go next?</span>
                <select value={answers.goal} onChange={(e) => set("goal", e.target.value)}>
                  <option value="">Grow in my current role</option>
                  {v.roles.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {step === 4 && (
              <>
                <label className="field">
                  <span>Study hours per week</span>
                  <input
                    inputMode="decimal"
                    value={answers.hoursPerWeek}
                    onChange={(e) => set("hoursPerWeek", e.target.value)}
                  />
                </label>
                <label className="field">
                  <span>Target date (optional)</span>
                  <input
                    type="date"
                    value={answers.targetDate}
                    onChange={(e) => set("targetDate", e.target.value)}
                  />
                </label>
                <fieldset>
                  <legend>Certifications you already hold (optional)</legend>
                  <div className="choice-grid choice-grid-small">
                    {v.certifications.map((c) => (
                      <label key={c.code} className="choice">
                        <input
                          type="checkbox"
                          checked={answers.held.includes(c.code)}
                          onChange={() => toggle("held", c.code)}
                        />
                        <span>
                          {c.shortName} <span className="code">{c.code}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
                <fieldset>
                  <legend>Certifications you already have in mind (optional)</legend>
                  <div className="choice-grid choice-grid-small">
                    {v.certifications.map((c) => (
                      <label key={c.code} className="choice">
                        <input
                          type="checkbox"
                          checked={answers.want.includes(c.code)}
                          onChange={() => toggle("want", c.code)}
                        />
                        <span>
                          {c.shortName} <span className="code">{c.code}</span>
                          {c.status === "retired" ? " (retired)" : ""}
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </>
            )}
            {problem && (
              <p className="notice notice-error" role="alert">
                {problem}
              </p>
            )}
            {error && <ErrorBox error={error} />}
            <div className="wizard-actions">
              {step > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setProblem(undefined);
                    setStep(step - 1);
                  }}
                >
                  Back
                </button>
              )}
              <button type="submit" className="button button-primary" disabled={busy}>
                {step < STEPS.length - 1 ? "Next" : busy ? "Working…" : "Show my paths"}
              </button>
            </div>
          </form>
        )}
      </Status>
    </section>
  );
}
