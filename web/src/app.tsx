import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { SessionProvider, useSession } from "./session";
import { Layout } from "./components/layout";
import { Loading } from "./components/status";
import { SignInPage } from "./pages/sign-in-page";
import { DashboardPage } from "./pages/dashboard-page";
import { CasesPage } from "./pages/cases-page";
import { NewCasePage } from "./pages/new-case-page";
import { CasePage } from "./pages/case-page";
import { MatchesPage } from "./pages/matches-page";
import { MatchReviewPage } from "./pages/match-review-page";
import { ReportPage } from "./pages/report-page";
import { LogPage } from "./pages/log-page";
import { BatchesPage } from "./pages/batches-page";
import { BatchPage } from "./pages/batch-page";
import { StatsPage } from "./pages/stats-page";

/** Moves focus to the page's heading after navigation, so screen readers announce the new page. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main")?.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}

function TitleFromHeading() {
  const { i18n } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    const h1 = document.querySelector("h1")?.textContent;
    const app = i18n.t("app.name");
    document.title = h1 ? `${h1} · ${app}` : app;
  });
  void pathname;
  return null;
}

function Gate() {
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (me === null) return <SignInPage />;
  return (
    <Routes>
      <Route path="/" element={<DashboardPage />} />
      <Route path="/cases" element={<CasesPage />} />
      <Route path="/cases/new" element={<NewCasePage />} />
      <Route path="/disclose" element={<NewCasePage mode="disclosure" key="disclosure" />} />
      <Route path="/tracing-requests/new" element={<NewCasePage mode="tracing-request" key="tracing-request" />} />
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/matches" element={<MatchesPage />} />
      <Route path="/matches/:id" element={<MatchReviewPage />} />
      <Route path="/reports/:id" element={<ReportPage />} />
      <Route path="/log" element={<LogPage />} />
      <Route path="/batches" element={<BatchesPage />} />
      <Route path="/batches/:id" element={<BatchPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <FocusOnNavigate />
        <TitleFromHeading />
        <Layout>
          <Routes>
            {/* The public statistics need no sign-in: they show no child. */}
            <Route path="/stats" element={<StatsPage />} />
            <Route path="*" element={<Gate />} />
          </Routes>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}
