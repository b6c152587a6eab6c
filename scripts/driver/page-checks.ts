import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * Checks run inside a page under test: text that overflows its box (by
 * element geometry), and axe-core's accessibility rules.
 */

/**
 * Elements whose text is wider than their box (and that do not truncate on
 * purpose with an ellipsis or a line clamp), in `root` and open shadow roots
 * below it; and text that leaves the viewport, except inside `scrollers`
 * (containers meant to scroll sideways, like the journey map's board).
 */
export function overflowingText(page: Page, root: string, scrollers = ''): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, scrollSelector }) => {
      const bad: string[] = [];
      const visit = (node: ParentNode) => {
        for (const el of Array.from(node.querySelectorAll<HTMLElement>('*'))) {
          if (el.shadowRoot) visit(el.shadowRoot);
          const style = getComputedStyle(el);
          const clamped = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
          if (clamped || /^(none|inline|contents)$/.test(style.display) || el.tagName === 'TEXTAREA') continue;
          if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
          // Visually hidden text (for screen readers) is clipped on purpose.
          if (style.clipPath !== 'none' && el.getBoundingClientRect().width <= 1) continue;
          const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
          if (!hasText) continue;
          if (el.scrollWidth > el.clientWidth + 1) bad.push(`${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
          const box = el.getBoundingClientRect();
          const scrolls = scrollSelector !== '' && el.closest(scrollSelector) !== null;
          if (!scrolls && box.width > 0 && (box.right > innerWidth + 1 || box.left < -1)) {
            bad.push(`${el.tagName}.${el.className} leaves the viewport: ${el.textContent?.slice(0, 40)}`);
          }
        }
      };
      const start = document.querySelector(rootSelector);
      if (start) visit(start.shadowRoot ?? start);
      return bad;
    },
    { rootSelector: root, scrollSelector: scrollers },
  );
}

let axeSource: string | undefined;

/** One axe-core violation, short enough to read in a failed assertion. */
export interface AxeProblem {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) in `page` and returns the
 * violations of serious or critical impact. axe is injected as a script
 * (extension pages allow only their own scripts, so it goes in through the
 * DevTools protocol that Playwright's `addScriptTag` uses when CSP blocks it).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
