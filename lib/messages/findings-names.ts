/**
 * The names of the findings requests (findings-requests.ts), without their
 * schemas: the worker reads only these to tell which requests it hands to the
 * findings host. A unit test keeps the list equal to the table's keys.
 */
export const FINDINGS_REQUESTS: ReadonlySet<string> = new Set([
  'journey.update',
  'journey.edit',
  'touchpoint.update',
  'interaction.promote',
  'export.download',
  'import.apply',
  'study.save',
  'study.delete',
  'journey.step',
  'sync.status',
  'sync.configure',
  'sync.run',
]);

/** Whether `message` is a request for the findings host, by its `type` alone (the host validates the rest). */
export function isFindingsRequest(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && FINDINGS_REQUESTS.has(type);
}
