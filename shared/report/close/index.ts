/** Month close (월 마감): stored reports, revisions and corrections; see corrections.ts. */
export * from './types';
export { figuresOfModel, monthFigures } from './figures';
export {
  findCorrections,
  lastReported,
  latestRevisions,
  nextRevision,
  printsDifferently,
} from './corrections';
export { closeRefusal, makeMonthClose, type MonthCloseInput } from './rules';
