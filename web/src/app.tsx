import { lazy, Suspense, useEffect, useRef } from "react";
import { NavLink, Route, Routes, useLocation } from "react-router";
import { AuthorNavLink } from "./account/author-nav-link.js";
import { MeProvider } from "./account/me-context.js";
import { SessionGate } from "./account/session-gate.js";
import { UserMenu } from "./account/user-menu.js";
import { AdvisorPage } from "./pages/advisor-page.js";
import { CatalogPage } from "./pages/catalog-page.js";
import { CertificationPage } from "./pages/certification-page.js";
import { HomePage } from "./pages/home-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { TeamNavLink } from "./teams/team-links.js";

// Practice-exam pages load on demand so the catalog and advisor stay light.
const ExamListPage = lazy(() =>
  import("./pages/exam-list-page.js").then((m) => ({ default: m.ExamListPage })),
);
const ExamStartPage = lazy(() =>
  import("./pages/exam-start-page.js").then((m) => ({ default: m.ExamStartPage })),
);
const ExamAttemptPage = lazy(() =>
  import("./pages/exam-attempt-page.js").then((m) => ({ default: m.ExamAttemptPage })),
);
const ExamReportPage = lazy(() =>
  import("./pages/exam-report-page.js").then((m) => ({ default: m.ExamReportPage })),
);
const ExamReviewPage = lazy(() =>
  import("./pages/exam-review-page.js").then((m) => ({ default: m.ExamReviewPage })),
);
// The learning loop (charts included) loads only when a learner opens progress or a plan.
const ProgressIndexPage = lazy(() =>
  import("./pages/progress-index-page.js").then((m) => ({ default: m.ProgressIndexPage })),
);
const ProgressPage = lazy(() =>
  import("./pages/progress-page.js").then((m) => ({ default: m.ProgressPage })),
);
const PlanNewPage = lazy(() => import("./pages/plan-new-page.js").then((m) => ({ default: m.PlanNewPage })));
const PlanPage = lazy(() => import("./pages/plan-page.js").then((m) => ({ default: m.PlanPage })));
// Authors' pages load only for authors.
const AuthorImportPage = lazy(() =>
  import("./pages/author-import-page.js").then((m) => ({ default: m.AuthorImportPage })),
);
const AuthorPage = lazy(() => import("./pages/author-page.js").then((m) => ({ default: m.AuthorPage })));
const HistoryPage = lazy(() => import("./pages/history-page.js").then((m) => ({ default: m.HistoryPage })));
// Accounts (multi-user mode only; a laptop in single-user mode never opens them).
const SignInPage = lazy(() => import("./pages/sign-in-page.js").then((m) => ({ default: m.SignInPage })));
const AccountPage = lazy(() => import("./pages/account-page.js").then((m) => ({ default: m.AccountPage })));
const InvitePage = lazy(() => import("./pages/invite-page.js").then((m) => ({ default: m.InvitePage })));
// Team pages (leads and members of a team) load on demand.
const TeamPage = lazy(() => import("./pages/team-page.js").then((m) => ({ default: m.TeamPage })));

export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // On navigation, move focus to the page so keyboard and screen-reader users start at the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body)
      main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <MeProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <NavLink to="/" className="brand" end>
            <span aria-hidden="true" className="brand-mark">
              ◆
            </span>
            certpath
          </NavLink>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/catalog">Catalog</NavLink>
              </li>
              <li>
                <NavLink to="/advisor">Path advisor</NavLink>
              </li>
              <li>
                <NavLink to="/exams">Practice exams</NavLink>
              </li>
              <li>
                <NavLink to="/progress">Progress</NavLink>
              </li>
              <li>
                <NavLink to="/history">History</NavLink>
              </li>
              <AuthorNavLink />
              <TeamNavLink />
            </ul>
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="wrap">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SessionGate>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/catalog" element={<CatalogPage />} />
              <Route path="/certifications/:id" element={<CertificationPage />} />
              <Route path="/advisor" element={<AdvisorPage />} />
              <Route path="/exams" element={<ExamListPage />} />
              <Route path="/exams/:code" element={<ExamStartPage />} />
              <Route path="/attempts/:id" element={<ExamAttemptPage />} />
              <Route path="/attempts/:id/report" element={<ExamReportPage />} />
              <Route path="/attempts/:id/review" element={<ExamReviewPage />} />
              <Route path="/history" element={<HistoryPage />} />
              <Route path="/progress" element={<ProgressIndexPage />} />
              <Route path="/progress/:exam" element={<ProgressPage />} />
              <Route path="/plans/new" element={<PlanNewPage />} />
              <Route path="/plans/:id" element={<PlanPage />} />
              <Route path="/author/import" element={<AuthorImportPage />} />
              <Route path="/author" element={<AuthorPage />} />
              <Route path="/teams/:id" element={<TeamPage />} />
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/invite/:token" element={<InvitePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </SessionGate>
        </Suspense>
      </main>
      <footer className="site-footer wrap">
        <p>
          certpath is an independent open-source project, not affiliated with Amazon Web Services. Exam facts
          carry their sources and the date they were checked.
        </p>
        <p>
          For authors: <NavLink to="/author/import">import and export questions</NavLink>.
        </p>
      </footer>
    </MeProvider>
  );
}
