/**
 * Renderer entry, kept tiny on purpose: index.html runs early.ts first (the opening route's
 * grid snapshot starts reading), then this, which loads the app (app/start.tsx) with a DYNAMIC
 * import. Why: the modules of one entry only run once every module of its static graph has
 * loaded and compiled — with the app (React, Dexie, AG Grid: ~3 MB) in that graph, the early
 * read would start after all of it instead of before.
 */
void import('./app/start');
