/** The monthly report (월간 실적 보고서) model: see model.ts. */
export * from './types';
export * from './definitions';
export * from './paginate';
export * from './signoff';
export { buildMonthlyReport, appendixEntries, type MonthlyReportInput } from './model';
export type { ReportRecords } from './keyFigures';
export { nextMonth } from './tables';
export { reportSheets, reportWorkbookName } from './workbook';
