import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { type Advice, ApiError, api } from "../api.js";
import { ErrorBox, Status, Title } from "../components/status.js";
import { useApi } from "../use-api.js";
import { AdviceView } from "./advice-view.js";

interface Answers {
  role: string;
  awsExperience: string;
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
  itBackground: "",
  stack: [],
  goal: "",
  hoursPerWeek: "8",
  held: [],
  want: [],
  targetDate: "",
};
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

export function AdvisorPage() {
  const vocab = useApi("vocabulary", () => api.vocabulary());
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
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
      const n = Number(answers.awsExperience);
      if (answers.awsExperience === "" || !Number.isFinite(n) || n < 0 || n > 50)
        return "Enter your years of hands-on AWS experience, from 0 to 50 (0.5 for six months).";
      if (!answers.itBackground) return "Say whether you have an IT or STEM background.";
    }
    if (step === 4) {
      const h = Number(answers.hoursPerWeek);
      if (!(h > 0 && h <= 80)) return "Enter study hours per week, from 1 to 80.";
    }
    return undefined;
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.advice({
        role: answers.role,
        awsExperience: Number(answers.awsExperience),
        itBackground: answers.itBackground === "yes",
        stack: answers.stack,
        goal: answers.goal || undefined,
        hoursPerWeek: Number(answers.hoursPerWeek),
        held: answers.held,
        want: answers.want,
        targetDate: answers.targetDate || undefined,
      });
      setAdvice(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "client", String(e)));
    } finally {
      setBusy(false);
    }
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const p = check();
    setProblem(p);
    if (p) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else void submit();
  };

  if (advice)
    return (
      <section>
        <Title>Your recommended paths</Title>
        <AdviceView advice={advice} headingRef={heading} />
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdvice(undefined);
              setStep(0);
            }}
          >
            Change my answers
          </button>{" "}
          <Link to="/catalog">Browse the catalog</Link>
        </p>
      </section>
    );

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
                <label className="field">
                  <span>Years of hands-on AWS experience</span>
                  <input
                    inputMode="decimal"
                    name="awsExperience"
                    value={answers.awsExperience}
                    onChange={(e) => set("awsExperience", e.target.value)}
                    aria-describedby="exp-help"
                  />
                  <small id="exp-help">0 if you have not used AWS at work; 0.5 for six months.</small>
                </label>
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
