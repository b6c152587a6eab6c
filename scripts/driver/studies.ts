import type { Page } from 'playwright-core';

/** A study as a researcher types it on the journeys page. */
export interface StudyEntry {
  name: string;
  goal: string;
  brand: { name: string; domains: string };
  competitors: { name: string; domains: string }[];
  steps: { title: string; lookFor: string; kind?: 'yesno' | 'scale' | 'number' | 'text'; unit?: string }[];
}

/** On the journeys page: opens a new study and fills its form (it is not saved yet). */
export async function fillNewStudy(page: Page, study: StudyEntry): Promise<void> {
  await page.locator('[data-action="new-study"]').click();
  const form = page.locator('.wm-study-form');
  await form.locator('input[name="name"]').fill(study.name);
  await form.locator('textarea[name="goal"]').fill(study.goal);
  await form.locator('input[name="brand-name"]').fill(study.brand.name);
  await form.locator('textarea[name="brand-domains"]').fill(study.brand.domains);
  for (const [i, competitor] of study.competitors.entries()) {
    await form.locator('[data-action="add-competitor"]').click();
    await form.locator(`input[name="competitor-${i + 1}-name"]`).fill(competitor.name);
    await form.locator(`textarea[name="competitor-${i + 1}-domains"]`).fill(competitor.domains);
  }
  for (const [i, step] of study.steps.entries()) {
    await form.locator('[data-action="add-step"]').click();
    await form.locator(`input[name="step-${i + 1}-title"]`).fill(step.title);
    await form.locator(`textarea[name="step-${i + 1}-look-for"]`).fill(step.lookFor);
    if (step.kind) await form.locator(`select[name="step-${i + 1}-kind"]`).selectOption(step.kind);
    if (step.unit !== undefined) await form.locator(`input[name="step-${i + 1}-unit"]`).fill(step.unit);
  }
}

/** Saves the open study form and waits for the worker's answer; returns the notice's kind and text. */
export async function saveStudyForm(page: Page): Promise<{ kind: string; text: string }> {
  const form = page.locator('.wm-study-form');
  await form.locator('[data-action="save-study"]').click();
  const notice = form.locator('.wm-notice[data-kind]').last();
  await notice.waitFor();
  return { kind: (await notice.getAttribute('data-kind')) ?? '', text: (await notice.textContent()) ?? '' };
}
