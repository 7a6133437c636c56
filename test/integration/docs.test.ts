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
