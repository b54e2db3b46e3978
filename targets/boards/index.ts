// targets/boards/index.ts — the boards bare-metal targets can be built for, by --board name.

import type { Board } from './board.js';
import { lm3s6965evb } from './lm3s6965evb.js';
import { mps2An385 } from './mps2-an385.js';
import { mps2An386 } from './mps2-an386.js';

export type { Board } from './board.js';

export const BOARDS: readonly Board[] = [mps2An385, mps2An386, lm3s6965evb];

export function findBoard(name: string): Board | undefined {
  return BOARDS.find((b) => b.name === name.trim().toLowerCase());
}
