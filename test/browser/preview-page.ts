/** What the browser tests of the results preview read from a page: tables and text as spoken, and axe-core's findings. */
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Rows of the table named `caption` inside `scope`, as a screen reader gets them (the copies for the eye left out). */
export function tableRows(scope: Locator, caption: RegExp): Promise<string[][]> {
  return scope.getByRole('table', { name: caption }).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

/** An element's text as a screen reader gets it. */
export function spoken(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (copy.textContent ?? '').trim();
  });
}

/** axe-core on the whole page, open shadow roots included: WCAG 2.0-2.2 A and AA plus best practices. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join('; ')})`);
  });
}
