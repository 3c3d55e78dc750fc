/**
 * The figure model: pure functions from records to every figure the dashboard and the monthly
 * report show, each following one written definition (definitions.ts), for a period and scope.
 * The dashboard, the report, the tests and later the server use these and nothing else.
 */
export * from './definitions';
export * from './figure';
export * from './period';
export * from './scope';
export * as difficultyFigures from './difficulties';
export type { MonthRow, ResolutionRate } from './difficulties';
export * from './activities';
export * from './indicators';
export * from './participation';
export * from './network';
export * from './complexes';
export * from './units';
export * from './periodKey';
export * from './routeFilter';
export * from './figureRoutes';
export * from './growth';
