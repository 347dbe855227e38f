import { useState } from "react";
import { useSearchParams } from "react-router";
import { api } from "../api.js";
import { ItemsTable } from "../author/items-table.js";
import { ReportQueue } from "../author/report-queue.js";
import { Title } from "../components/status.js";
import { useApi } from "../use-api.js";
import "../author/author.css";

/** For authors: open question reports to resolve, and item statistics with the items that need attention first. */
export function AuthorPage() {
  const [params, setParams] = useSearchParams();
  const exam = params.get("exam") ?? "";
  const exams = useApi("exams", () => api.exams());
  // Resolving a report changes the items' attention: the table reloads.
  const [version, setVersion] = useState(0);
  return (
    <article className="author-page">
      <Title>Authoring: reports and item statistics</Title>
      <p className="lede">
        Learners report questions from their reviews; statistics from their answers show which questions are
        too easy, too hard, or missed more by strong candidates than by weak ones. See{" "}
        <a
          href="https://docs.moodle.org/en/Quiz_statistics_calculations"
          rel="noopener noreferrer"
          target="_blank"
        >
          Moodle's quiz statistics
        </a>
        , which these follow.
      </p>
      <div className="filters">
        <label className="field">
          Exam
          <select
            value={exam}
            onChange={(e) => setParams(e.target.value ? { exam: e.target.value } : {}, { replace: true })}
          >
            <option value="">All exams</option>
            {exams.state === "ready" &&
              exams.data.exams.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.code} · {x.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Open reports</h2>
        <ReportQueue exam={exam} onChange={() => setVersion((v) => v + 1)} />
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Item statistics</h2>
        <ItemsTable exam={exam} version={version} />
      </section>
    </article>
  );
}
