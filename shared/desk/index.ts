/**
 * The difficulty desk's rules, pure (no database, no React): allowed status moves, what each
 * status needs, overdue and days to resolve. The desk screen, the form's validation (through the
 * registry) and later the server use these; figures stay in shared/report.
 */
export * from './moves';
export * from './requirements';
export * from './dueness';
export * from './people';
