/** The README is the product's front door: every option the code accepts is documented there. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_NAMES } from '../../src/core/all-options.js';
import { EVENT_NAMES } from '../../src/core/events.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tableNames = (text: string) => new Set([...text.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));

describe('README', () => {
  it('documents every option in the options table', () => {
    const section = readme.slice(readme.indexOf('## Options'), readme.indexOf('### `show` options'));
    expect(tableNames(section)).toEqual(new Set(OPTION_NAMES));
  });

  it('documents every event', () => {
    const section = readme.slice(readme.indexOf('## Events'), readme.indexOf('## Calculator'));
    expect(tableNames(section)).toEqual(new Set(EVENT_NAMES));
  });

  it('shows exactly the two quick-start commands that CI runs', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm run setup && npm test');
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toContain('npm run setup && npm test');
  });
});

describe('docs/receiver.md', () => {
  const reference = readFileSync(new URL('../../docs/receiver.md', import.meta.url), 'utf8');

  it('documents every flag of nps-widget serve and its environment twin, as --help lists them', async () => {
    const { USAGE } = await import('../../src/server/cli.js');
    const flags = [...USAGE.matchAll(/^\s+(--[a-z-]+)(?: [A-Z]+)?\s+([A-Z_]+)?/gm)];
    expect(flags.length).toBeGreaterThanOrEqual(8);
    const table = reference.slice(reference.indexOf('## Options'), reference.indexOf('## Routes'));
    for (const [, flag, variable] of flags) {
      expect(table, flag).toContain(`\`${flag}`);
      if (variable) expect(table, variable).toContain(`\`${variable}\``);
    }
  });

  it('documents every route, and the README links to it from its section on receiving', () => {
    for (const route of ['POST /responses', 'GET /results', 'GET /responses', 'DELETE /responses/{id}', 'DELETE /responses?userId=', '/nps-widget.js']) expect(reference).toContain(route);
    const section = readme.slice(readme.indexOf('## Receive responses'), readme.indexOf('## Options'));
    expect(section).toContain('npx nps-widget serve');
    expect(section).toContain('--database postgres://');
    expect(section).toContain('(docs/receiver.md)');
  });
});
