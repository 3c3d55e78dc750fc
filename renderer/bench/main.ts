/** Entry of bench.html: exposes the benchmarks as `window.pumasiBench` for the Node driver. */
import type { PumasiBench } from './api';
// Also installs window.pumasiFaults, the fault harness's hands in a device (tests/faults).
import './faults';
import { bulkPutCompanies, mutateCompanies } from './writeBench';
import { bulkPutPulled, pullChanges } from './pullBench';
import {
  ageFinish,
  ageSlice,
  ageStart,
  dropDatabase,
  editWorkload,
  seedCompanies,
} from './yearBench';
import { pullIntoAged } from './yearPull';
import { bulkPutImported, importCompanies, prepareImport } from './importBench';
import { reimportCompanies, toArrayImported } from './reimportBench';
import {
  bareGridLoad,
  bareGridSort,
  dropGridSnapshots,
  rebuildGridSnapshot,
  resetAppPrefs,
  importApp,
  seedApp,
} from './gridBench';

const bench: PumasiBench = {
  ready: true,
  mutateCompanies,
  bulkPutCompanies,
  prepareImport,
  importCompanies,
  bulkPutImported,
  reimportCompanies,
  toArrayImported,
  seedApp,
  resetAppPrefs,
  dropGridSnapshots,
  rebuildGridSnapshot,
  importApp,
  bareGridLoad,
  bareGridSort,
  pullChanges,
  bulkPutPulled,
  ageStart,
  ageSlice,
  ageFinish,
  pullIntoAged,
  editWorkload,
  seedCompanies,
  dropDatabase,
};
window.pumasiBench = bench;
document.title = 'Pumasi bench — ready';
