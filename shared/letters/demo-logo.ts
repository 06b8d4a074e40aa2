/** A made-up coat of arms for the demo town and the tests: vector paths, no real town's emblem. */
import type { TownLogo } from './letter-input.ts';

export const DEMO_LOGO: TownLogo = {
  kind: 'vector',
  width: 100,
  height: 120,
  paths: [
    // The shield.
    { d: 'M6 14 H94 V60 C94 88 74 106 50 116 C26 106 6 88 6 60 Z', fill: '#1f4e79' },
    // A gold chevron.
    { d: 'M14 74 L50 46 L86 74 L86 88 L50 60 L14 88 Z', fill: '#e0a526' },
    // A three-towered wall on top of it.
    { d: 'M22 40 V22 H30 V28 H36 V22 H44 V28 H56 V22 H64 V28 H70 V22 H78 V40 Z', fill: '#ffffff' },
    { d: 'M46 40 V34 A4 4 0 0 1 54 34 V40 Z', fill: '#1f4e79' },
    // A crown above the shield.
    { d: 'M28 11 L32 2 L41 8 L50 0 L59 8 L68 2 L72 11 Z', fill: '#e0a526' },
  ],
};
