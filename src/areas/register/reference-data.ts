import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { upsertLocalAuthorities } from './repository.js'

/**
 * The register's reference data: regions and the 153 English LAs with children's services,
 * from data/local-authorities.csv (ONS/DfE codes, Open Government Licence; see data/README.md).
 * Loaded on every start as an upsert, so a corrected name or region lands without a migration.
 */
export interface LocalAuthorityReference {
  readonly laCode: string
  readonly gssCode: string
  readonly name: string
  readonly regionCode: string
  readonly regionName: string
  readonly laType: string
  readonly londonSubregion: string | null
  readonly gssCodeValidFrom: string | null
  readonly previousGssCodes: string | null
}

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((cells) => cells.some((cell) => cell !== ''))
}

const COLUMNS = [
  'la_code',
  'gss_code',
  'name',
  'region_code',
  'region_name',
  'la_type',
  'london_subregion',
  'gss_code_valid_from',
  'previous_gss_codes',
] as const

export function parseLocalAuthorities(csv: string): LocalAuthorityReference[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''))
  const index = Object.fromEntries(COLUMNS.map((column) => [column, header?.indexOf(column) ?? -1])) as Record<
    (typeof COLUMNS)[number],
    number
  >
  const missing = COLUMNS.filter((column) => index[column] < 0)
  if (missing.length > 0) throw new Error(`local-authorities.csv is missing columns: ${missing.join(', ')}`)
  return rows.map((cells) => {
    const get = (column: (typeof COLUMNS)[number]) => cells[index[column]]?.trim() ?? ''
    return {
      laCode: get('la_code'),
      gssCode: get('gss_code'),
      name: get('name'),
      regionCode: get('region_code'),
      regionName: get('region_name'),
      laType: get('la_type'),
      londonSubregion: get('london_subregion') || null,
      gssCodeValidFrom: get('gss_code_valid_from') || null,
      previousGssCodes: get('previous_gss_codes') || null,
    }
  })
}

/** Upsert regions and LAs from the CSV; returns how many LAs it holds. */
export async function loadLocalAuthorities(db: Kysely<Database>, csvPath: string): Promise<number> {
  const las = parseLocalAuthorities(await readFile(csvPath, 'utf8'))
  await upsertLocalAuthorities(db, las)
  return las.length
}
