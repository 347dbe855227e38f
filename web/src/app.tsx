import { useEffect, useRef } from "react";
import { NavLink, Route, Routes, useLocation } from "react-router";
import { AdvisorPage } from "./pages/advisor-page.js";
import { CatalogPage } from "./pages/catalog-page.js";
import { CertificationPage } from "./pages/certification-page.js";
import { HomePage } from "./pages/home-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";

export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // On navigation, move focus to the page so keyboard and screen-reader users start at the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
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
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="wrap">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="/certifications/:id" element={<CertificationPage />} />
          <Route path="/advisor" element={<AdvisorPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="site-footer wrap">
        <p>
          certpath is an independent open-source project, not affiliated with Amazon Web Services. Exam facts carry their sources and
          the date they were checked.
        </p>
      </footer>
    </>
  );
}
