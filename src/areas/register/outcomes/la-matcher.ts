/**
 * Which LA a row of Ofsted's published outcomes is about (issue 14). Ofsted's files name an LA by
 * its ONS (GSS) code, current or previous, by its name in one of several spellings, or only by a
 * web link keyed by LA number, Ofsted URN or a name slug (data/ofsted-outcomes/PROVENANCE.md).
 * The GSS code is trusted first, then the name, and the link last: the README warns that link
 * numbers can point at a neighbouring LA.
 *
 * Reorganised councils: a row about a council that no longer exists belongs to its successors
 * (each of them, where it was split), named as their predecessor, so the successor's pathway
 * follows from its history and the former council's record is kept under its own name.
 */

/** An LA of the register, as the matcher needs it. */
export interface MatchableLa {
  readonly laCode: string
  readonly gssCode: string
  readonly name: string
  /** `E08000016(to 2025-04-30)`, comma separated: earlier codes of the same LA. */
  readonly previousGssCodes: string | null
}

/** A council that no longer exists, with the LAs that took over its children's services. */
export interface FormerCouncil {
  readonly gssCode: string
  readonly laCode: string | null
  readonly name: string
  readonly validTo: string
  readonly successors: readonly string[]
}

/**
 * The reorganisations since the single inspection framework began (data/README.md,
 * local-authorities-former.csv): successors by LA number.
 */
const REORGANISATIONS: Readonly<Record<string, readonly string[]>> = {
  // Bournemouth, Christchurch and Poole (839) and Dorset (838), 1 April 2019.
  E06000028: ['839'],
  E06000029: ['839'],
  E10000009: ['838'],
  // North (940) and West (941) Northamptonshire, 1 April 2021: inspected jointly, one report.
  E10000021: ['940', '941'],
  // Cumberland (942) and Westmorland and Furness (943), 1 April 2023.
  E10000006: ['942', '943'],
}

export interface LaMatch {
  readonly laCodes: readonly string[]
  /** The former council the row is about, where it is not the LA itself: "Cumbria (E10000006)". */
  readonly predecessor: string | null
}

export interface RowIdentity {
  readonly gssCode?: string | undefined
  readonly name?: string | undefined
  readonly link?: string | undefined
  /** The date the row is about (fieldwork start, else publication), to tell a former council from its namesake successor. */
  readonly date?: string | null | undefined
}

/** Names compared without case, punctuation, "&" for "and", ", City of" / ", County of" and a leading "County". */
function normaliseLaName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/,\s*(city|county) of\b/g, '')
      .replace(/^\s*(city of|county)\s+(?!of\b)(?=\S)/, '')
      // "Bedford Borough", "Bedford Borough Council": the council's title is not part of the name.
      .replace(/\s+(borough|city)?\s*(council)?\s*$/, '')
      .replace(/[^a-z0-9]+/g, '')
  )
}

export function createLaMatcher(las: readonly MatchableLa[], former: readonly FormerCouncil[]) {
  const byGss = new Map<string, MatchableLa>()
  const byName = new Map<string, MatchableLa>()
  const byCode = new Map<string, MatchableLa>()
  for (const la of las) {
    byGss.set(la.gssCode, la)
    for (const code of (la.previousGssCodes ?? '').matchAll(/E\d{8}/g)) byGss.set(code[0], la)
    byName.set(normaliseLaName(la.name), la)
    byCode.set(la.laCode, la)
  }
  const formerByGss = new Map(former.map((council) => [council.gssCode, council]))
  const formerByName = new Map(former.map((council) => [normaliseLaName(council.name), council]))

  const formerMatch = (council: FormerCouncil): LaMatch => ({
    laCodes: council.successors,
    predecessor: `${council.name} (${council.gssCode})`,
  })

  return {
    /** The LA (or successors) a row is about, or undefined when nothing in it names one. */
    match(row: RowIdentity): LaMatch | undefined {
      const gss = row.gssCode?.trim().toUpperCase()
      if (gss) {
        const la = byGss.get(gss)
        if (la) return { laCodes: [la.laCode], predecessor: null }
        const council = formerByGss.get(gss)
        if (council) return formerMatch(council)
      }
      if (row.name) {
        const key = normaliseLaName(row.name)
        const council = formerByName.get(key)
        // "Dorset" before 1 April 2019 is the former county, after it the new unitary council.
        if (council && (!row.date || row.date <= council.validTo) && council.successors.length > 0)
          return formerMatch(council)
        const la = byName.get(key)
        if (la) return { laCodes: [la.laCode], predecessor: null }
      }
      const link = row.link ?? ''
      const number = /\/provider\/44\/(\d{3})(?:\D|$)/.exec(link)?.[1]
      if (number && byCode.has(number)) return { laCodes: [number], predecessor: null }
      const slug = /\/local-authorities\/([a-z0-9-]+)/i.exec(link)?.[1]
      if (slug) {
        const la = byName.get(normaliseLaName(slug.replace(/-city$/, '')))
        if (la) return { laCodes: [la.laCode], predecessor: null }
      }
      return undefined
    },
  }
}

export type LaMatcher = ReturnType<typeof createLaMatcher>

/** The former councils from data/local-authorities-former.csv rows, with their successors. */
export function formerCouncils(
  rows: ReadonlyArray<{ gssCode: string; laCode: string; name: string; validTo: string }>,
): FormerCouncil[] {
  return rows.map((row) => ({
    gssCode: row.gssCode,
    laCode: row.laCode || null,
    name: row.name,
    validTo: row.validTo,
    successors: REORGANISATIONS[row.gssCode] ?? [],
  }))
}
