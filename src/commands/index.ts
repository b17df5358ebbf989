// Every command, in the order `reframe --help` lists them. To add a command: make its folder
// (src/commands/<name>/command.ts and run.ts; docs/ARCHITECTURE.md shows one) and add its wiring here,
// in COMMANDS and under each name it adds in WIRING_OF.
import type { CommandWiring } from './kit';
import { wireNew } from './new/command';
import { wireList } from './list/command';
import { wireShow } from './show/command';
import { wireEdit } from './edit/command';
import { wireDelete } from './delete/command';
import { wireDistortions } from './distortions/command';
import { wireDaily } from './daily/command';
import { wireCron } from './cron/command';
import { wireDoctor } from './doctor/command';
import { wireExport } from './export/command';
import { wireReport } from './report/command';
import { wireImport } from './import/command';
import { wireBackup } from './backup/command';
import { wireStats } from './stats/command';
import { wireSafetyPlan } from './safety-plan/command';
import { wireNotes } from './notes/command';
import { wireCheckins } from './checkins/command';
import { wireBeliefs } from './beliefs/command';
import { wireExperiments } from './experiments/command';
import { wireCompletion } from './completion/command';
import { wireSync } from './sync/command';
import { wireEncrypt } from './encrypt/command';

export const COMMANDS: CommandWiring[] = [
  wireNew,
  wireList,
  wireShow,
  wireEdit,
  wireDelete,
  wireDistortions,
  wireDaily,
  wireBeliefs,
  wireExperiments,
  wireCheckins,
  wireCron,
  wireDoctor,
  wireExport,
  wireReport,
  wireImport,
  wireBackup,
  wireSync,
  wireEncrypt,
  wireStats,
  wireSafetyPlan,
  wireNotes,
  wireCompletion,
];

/**
 * The wiring that adds each top-level command (test/unit/startup.test.ts checks every name against what each
 * wiring adds). A command line that names one of these needs only that wiring (src/cli.ts): `reframe stats`
 * doesn't build the eighteen commands listed before it (~1.5 ms).
 */
export const WIRING_OF: Readonly<Record<string, CommandWiring>> = {
  new: wireNew,
  list: wireList,
  show: wireShow,
  edit: wireEdit,
  delete: wireDelete,
  distortions: wireDistortions,
  daily: wireDaily,
  beliefs: wireBeliefs,
  experiments: wireExperiments,
  checkins: wireCheckins,
  cron: wireCron,
  doctor: wireDoctor,
  export: wireExport,
  report: wireReport,
  import: wireImport,
  backup: wireBackup,
  sync: wireSync,
  encrypt: wireEncrypt,
  decrypt: wireEncrypt,
  passphrase: wireEncrypt,
  stats: wireStats,
  'safety-plan': wireSafetyPlan,
  notes: wireNotes,
  completion: wireCompletion,
  __complete: wireCompletion,
};
