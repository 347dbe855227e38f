import { Link } from "react-router";
import { Status, Title } from "../components/status.js";
import { examsWithQuestions } from "../exam/exam-availability.js";
import { useApi } from "../use-api.js";

export function ExamListPage() {
  const exams = useApi("exams", examsWithQuestions);
  return (
    <section>
      <Title>Practice exams</Title>
      <p className="lead">
        Realistic practice exams with the real exam's length, time limit, domain weights and question types,
        scored on AWS's 100–1000 scale. Take a timed exam, practise with instant explanations, or drill your
        weak spots.
      </p>
      <Status value={exams} what="the practice exams">
        {({ ready, later, bankSize }) => (
          <>
            {ready.length === 0 ? (
              <p className="notice notice-warning">
                No question bank is installed yet, so there is nothing to practise.
              </p>
            ) : (
              <ul className="cards">
                {ready.map((c) => (
                  <li key={c.code} className="card">
                    <div className="card-head">
                      <span className="code">{c.code}</span>
                      <span className="muted">{c.level}</span>
                    </div>
                    <h2 className="card-title">
                      <Link to={`/exams/${c.code}`}>{c.shortName}</Link>
                    </h2>
                    <p className="card-facts">
                      {c.exam.questions} questions · {c.exam.durationMinutes} min · pass {c.exam.passingScore}
                    </p>
                    <p className="card-facts">
                      {c.domains.length} domains · {bankSize[c.code] ?? 0} questions in the bank
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {later.length > 0 && (
              <>
                <h2>Not yet available</h2>
                <p className="muted">
                  certpath has no questions for these active exams yet:{" "}
                  {later.map((c, i) => (
                    <span key={c.code}>
                      {i > 0 && ", "}
                      <Link to={`/certifications/${c.code}`}>{c.shortName}</Link> ({c.code})
                    </span>
                  ))}
                  .
                </p>
              </>
            )}
          </>
        )}
      </Status>
    </section>
  );
}
