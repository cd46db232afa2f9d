/**
 * A GOV.UK date input's three fields as a form posts them, from an ISO date:
 * `dateFields('issuedOn', '2026-03-05')` gives issuedOn-day 5, issuedOn-month 3, issuedOn-year 2026.
 */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year }
}
