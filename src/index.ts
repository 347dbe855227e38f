// The library face: the core's use cases and the content loader.

export { ExamService } from "./app/exam-service.js";

import { localIsoDate } from "./compose.js";
import { advise as adviseOn } from "./core/advisor/advisor.js";
import type { Advice, AdvisorRules, Profile } from "./core/advisor/advisor-types.js";
import type { Catalog } from "./core/catalog/catalog-types.js";

export { LearningService } from "./app/learning-service.js";
export { hmacIds, newIdKey } from "./app/opaque-ids.js";
export {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  localIsoDate,
  openExamContext,
} from "./compose.js";
export { ContentError, type ContentProblem } from "./content/content-error.js";
export { type CoreContent, loadCoreContent } from "./content/load-content.js";
export {
  CONTENT_LIMITS,
  loadQuestionFiles,
  questionFiles,
  scanQuestionFiles,
} from "./content/load-questions.js";
export { resolveRole, studyHours } from "./core/advisor/advisor.js";

/** Ranks certification paths for a profile, as of `today` (default: the local date where the code runs). */
export function advise(catalog: Catalog, rules: AdvisorRules, profile: Profile, today?: string): Advice {
  return adviseOn(catalog, rules, profile, today ?? localIsoDate(new Date()));
}
export type * from "./core/advisor/advisor-types.js";
export {
  HOURS_PER_WEEK,
  type ProfileInput,
  parseHoursPerWeek,
  parseYears,
  resolveProfile,
  resolveService,
  suggestServices,
} from "./core/advisor/profile.js";
export { correctAnswer, isCorrect } from "./core/bank/answer-key.js";
export { type DraftReport, type ExamSummary, type LintProblem, lintBank } from "./core/bank/bank-lint.js";
export type * from "./core/bank/question-types.js";
export { isServed } from "./core/bank/question-types.js";
export * from "./core/catalog/catalog.js";
export type * from "./core/catalog/catalog-types.js";
export * from "./core/catalog/catalog-view.js";
export * from "./core/dates.js";
export * from "./core/errors.js";
export { type Blueprint, blueprintFor, largestRemainder } from "./core/exam/blueprint.js";
export { assembleForm, type Form, type FormRequest, indexBank } from "./core/exam/form-assembly.js";
export { RAW_CUT, type ScoreReport, scaleScore, scoreForm } from "./core/exam/scoring.js";
export { brierScore, type Forecast, reliability } from "./core/learning/calibration.js";
export { type CalibrationReport, simulateCalibration } from "./core/learning/calibration-simulation.js";
export {
  type AnswerMode,
  estimateReadiness,
  type Readiness,
  type ScoredAnswer,
} from "./core/learning/readiness.js";
export { type ReviewCard, scheduleReviews } from "./core/learning/review-schedule.js";
export { buildStudyPlan, type PlanSession, type StudyPlan } from "./core/learning/study-plan.js";
export {
  type AssignedExam,
  type AssignmentInput,
  assignedExams,
  pathDueDates,
  validateAssignment,
} from "./core/teams/assignment.js";
export { type StackCoverage, stackCoverage, teamAdvice } from "./core/teams/team-advice.js";
export { DASHBOARD_CSV_COLUMNS, dashboardCsv } from "./core/teams/team-csv.js";
export {
  type DashboardRow,
  dashboardRow,
  type TeamDomainGap,
  teamWeakestDomains,
} from "./core/teams/team-dashboard.js";
export { requiredProbability, TRACK_RULE, type TrackStatus, trackStatus } from "./core/teams/team-status.js";
export {
  type ImportFileOutcome,
  type ImportOptions,
  type ImportOutcome,
  importSources,
} from "./interop/import-pipeline.js";
export type * from "./interop/interop-model.js";
export { EXPORT_FORMATS, IMPORT_FORMATS } from "./interop/interop-model.js";
export { READERS } from "./interop/readers.js";
export { type ExportBank, type ExportResult, WRITERS } from "./interop/writers.js";
