// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFormats } from '@/components/findings/format';
import { ScriptReportView } from '@/components/map/ScriptReportView';
import { StudyComparisonView } from '@/components/map/StudyComparisonView';
import type { Touchpoint } from '@/lib/model/touchpoint';
import { compareScriptRuns, scriptReport } from '@/lib/study/script-report';
import { answer, capture, iso, SCRIPT, T, uuid } from '../lib/study/records';

const f = createFormats('en');

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ScriptReportView', () => {
  const touchpoints = [capture(1, 2, true), capture(2, 3)];
  const named = touchpoints.map(
    (tp, i) =>
      ({
        ...tp,
        note: `Evidence ${i + 1}`,
        anchor: { quote: { exact: '' }, name: '', tagName: 'p' },
        pageTitle: '',
      }) as unknown as Touchpoint,
  );
  const report = scriptReport(
    SCRIPT,
    { startedAt: iso(T(0)), pauses: [] },
    [answer(1, true, 2, { touchpointIds: [uuid(2, 1)] }), answer(2, null, 3, { skipped: true })],
    touchpoints,
  );

  it('shows each step with its status, answer and evidence, missing steps marked', () => {
    const onOpen = vi.fn();
    const root = mount(
      <ScriptReportView
        report={report}
        touchpoints={named}
        thumbnails={{ [uuid(2, 1)]: 'blob:thumb' }}
        formats={f}
        onOpenScreenshot={onOpen}
      />,
    );
    const steps = Array.from(root.querySelectorAll('.wm-script-step'));
    expect(steps.map((s) => s.getAttribute('data-status'))).toEqual(['answered', 'skipped', 'missing', 'missing']);
    expect(steps[0]!.querySelector('[data-answer]')!.textContent).toBe('reportAnswerYes');
    expect(steps[0]!.querySelector('.wm-evidence-title')!.textContent).toBe('Evidence 1');
    expect(steps[1]!.querySelector('[data-answer]')).toBeNull();
    expect(steps[2]!.querySelector('.wm-script-none')!.textContent).toBe('reportNoEvidence');
    (steps[0]!.querySelector('[data-action="open-screenshot"]') as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledWith(uuid(2, 1));
  });
});

describe('StudyComparisonView', () => {
  it('puts one column per journey and one row per step, with the row summaries', () => {
    const comparison = compareScriptRuns(SCRIPT.slice(0, 2), [
      { journeyId: 'a', label: 'Acme · Mina', answers: [answer(1, true), answer(2, 4)] },
      { journeyId: 'b', label: 'Globex · Ali', answers: [answer(1, false)] },
    ]);
    const onDownload = vi.fn();
    const root = mount(
      <StudyComparisonView
        studyName="Checkout"
        comparison={comparison}
        columns={[
          { journeyId: 'a', site: 'Acme', runner: 'Mina', owners: [] },
          { journeyId: 'b', site: null, runner: 'Ali', owners: [] },
        ]}
        formats={f}
        busy={false}
        mapHref={(id) => `map.html?journey=${id}`}
        onDownload={onDownload}
      />,
    );
    expect(Array.from(root.querySelectorAll('thead th[data-journey-id]')).map((th) => th.textContent)).toEqual([
      'AcmeMina',
      'reportSiteUnknownAli',
    ]);
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    expect(rows.map((r) => Array.from(r.querySelectorAll('.wm-script-cell')).map((c) => c.getAttribute('data-status')))).toEqual([
      ['answered', 'answered'],
      ['answered', 'missing'],
    ]);
    expect(rows[0]!.querySelector('[data-summary="yes"]')!.textContent).toBe('compareScriptYes');
    expect(rows[1]!.querySelector('[data-summary="mean"]')!.textContent).toBe('compareScriptMean');
    (root.querySelector('[data-action="download-csv"]') as HTMLButtonElement).click();
    expect(onDownload).toHaveBeenCalledOnce();
  });
});
