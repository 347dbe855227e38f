import { Link, useLocation } from "react-router";
import { PlacesToGo, Title } from "../components/status.js";

// An address that looks like an exam code ("/saa-c03") most likely meant that certification.
const EXAM_CODE = /^[A-Za-z]{3}-[A-Za-z]\d{2}$/;

export function NotFoundPage() {
  const { pathname } = useLocation();
  const last = decodeURIComponent(pathname.split("/").filter(Boolean).pop() ?? "");
  const code = EXAM_CODE.test(last) ? last.toUpperCase() : undefined;
  return (
    <section>
      <Title>Page not found</Title>
      <p>
        There is no page at <code>{pathname}</code>. The address may be mistyped, or the page may have moved.
      </p>
      {code && (
        <p>
          Looking for <Link to={`/certifications/${code}`}>{code}</Link>, or its{" "}
          <Link to={`/exams/${code}`}>practice exam</Link>?
        </p>
      )}
      <p>Where to go from here:</p>
      <PlacesToGo />
      <p>
        <Link to="/">Back to the start page</Link>
      </p>
    </section>
  );
}
