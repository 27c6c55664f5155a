// The dashboard's figures for one party in one read (counts only, no child's record).
export { createDashboardRepository, type DashboardApi, type DashboardSummary, type MonthCount } from "./dashboard-repository.ts";
export { DASHBOARD_MIGRATIONS } from "./migrations.ts";
