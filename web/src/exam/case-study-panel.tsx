import { Markdown } from "../components/markdown.js";
import type { QuestionView } from "./exam-types.js";

/**
 * The scenario a case-study question shares with the rest of its set, shown above the question on every
 * question of the set (open by default, so it can be folded away on a small screen).
 */
export function CaseStudyPanel({ question }: { question: QuestionView }) {
  const cs = question.caseStudy;
  if (!cs) return null;
  return (
    <details className="case-study" open>
      <summary>
        Case study: <strong>{cs.title}</strong>
      </summary>
      <Markdown text={cs.scenario} className="case-study-scenario" />
    </details>
  );
}
