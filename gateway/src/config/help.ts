import { ENVIRONMENT } from './settings.ts';

/** The text `--help` prints: every setting's environment variable. */
export function helpText(): string {
  const width = Math.max(...ENVIRONMENT.map((v) => v.name.length));
  return [
    'omnikernel gateway — one customer, one decision, every channel',
    '',
    'Usage: npm start            (or: node gateway/dist/main.js)',
    '',
    'With nothing set it runs on the in-memory store with the built-in plugins and the demo retailer.',
    'Every setting of the configuration file can also be given by environment variable:',
    '',
    ...ENVIRONMENT.map((v) => `  ${v.name.padEnd(width)}  ${v.help}`),
    '',
  ].join('\n');
}
