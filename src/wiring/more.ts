// Wiring for the commands beyond the core. Each entry adds one command to the program.
import type { Wiring } from '../cli';

export const WIRINGS: ((w: Wiring) => void)[] = [];
