// Wiring for the commands beyond the core. Each entry adds one command to the program.
// Keep one import and one list entry per command; each command's wiring lives in its own file.
import type { Wiring } from '../cli';
import { wireDaily, wireCron } from './daily';
import { wireDoctor } from './doctor';
import { wireTransfer } from './transfer';
import { wireStats } from './stats';
import { wireSafetyPlan } from './safety-plan';
// @wiring-imports

export const WIRINGS: ((w: Wiring) => void)[] = [
  wireDaily,
  wireCron,
  wireDoctor,
  wireTransfer,
  wireStats,
  wireSafetyPlan,
  // @wiring-list
];
