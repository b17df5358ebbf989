// Wiring for the commands beyond the core. Each entry adds one command to the program.
// Keep one import and one list entry per command; each command's wiring lives in its own file.
import type { Wiring } from '../cli';
// @wiring-imports

export const WIRINGS: ((w: Wiring) => void)[] = [
  // @wiring-list
];
