import { describe, expect, it } from 'vitest'
import { compileCodeSet } from './code-match.js'
import { CODE_SETS, preferredForm, type CodeSetName } from './code-sets.js'

function codeOf(set: CodeSetName, raw: string): string | undefined {
  const matcher = compileCodeSet(CODE_SETS[set])
  const i = matcher.match(raw)
  return i < 0 ? undefined : CODE_SETS[set].codes[i]!.code
}

describe('compileCodeSet', () => {
  it.each([
    ['ETHNICITY', 'a) WBRI', 'WBRI'],
    ['ETHNICITY', 'WBRI', 'WBRI'],
    ['ETHNICITY', 'wbri', 'WBRI'],
    ['ETHNICITY', 'White British', 'WBRI'],
    ['ETHNICITY', 's) NOBT', 'NOBT'],
    ['ETHNICITY', 't) NOBT', 'NOBT'],
    ['SOURCE', 'q) 6: Police', '6'],
    ['SOURCE', '6', '6'],
    ['SOURCE', 'Police', '6'],
    ['SOURCE', '3A: Health services', '3A'],
    ['SOURCE', 'u) 10: Unknown', '10'],
    ['SOURCE', '10', '10'],
    ['PLACETYPE', 'f) U6: Foster placement - not FFA', 'U6'],
    ['PLACETYPE', 'U6', 'U6'],
    ['PLACETYPE', 'zz) T4: Temporary placement - seven days or less', 'T4'],
    ['PROVIDER', 'e) PR4 - Private provision', 'PR4'],
    ['NEED', 'N1 - Abuse or neglect', 'N1'],
    ['NEED', 'N3 - Parental illness or disability', 'N3'],
    ['NEED', 'N2 - Child’s disability', 'N2'],
    ['GENDER', 'a) Male', 'Male'],
    ['GENDER', 'F', 'Female'],
    ['GENDER', 'Unknown', 'Not stated/recorded'],
    ['GENDER_ADOPTER', 'c) Neither', 'Neither'],
    ['YNU', 'Not known', 'Unknown'],
    ['YN', 'Y', 'Yes'],
    ['YN', 'b) No', 'No'],
    ['CEASED', 'E43', 'E46'],
    ['CEASED', 'e) E4A: Returned home to live with parents or relatives - part of planning', 'E4A'],
    ['CEASED', 'E4B', 'E4B'],
    ['ABUSE', 'NEG', 'Neglect'],
    ['LEAVE', '1.0', '1'],
    ['LEAVE', '2 - Process put on hold', '2'],
    ['ACCOM', 'B: Parents/relatives', 'B'],
    ['ACCOM', 'Bed and breakfast', 'W'],
    ['ACTIVITY', 'G6', 'G6'],
    ['INTOUCH', 'd) Refu', 'Refu'],
  ] as const)('%s %j → %s', (set, raw, code) => expect(codeOf(set, raw)).toBe(code))

  it.each([
    ['YN', 'Not known'],
    ['YN', 'Nope'],
    ['SOURCE', '4 weeks'],
    ['SOURCE', 'Health services'],
    ['SOURCE', '6a'],
    ['ETHNICITY', 'White'],
    ['GENDER', 'Not applicable'],
    ['PLACETYPE', 'U9'],
    ['ETHNICITY', ''],
  ] as const)('%s %j is not a code', (set, raw) => expect(codeOf(set, raw)).toBeUndefined())

  it('matches the preferred form of every code of every set back to itself', () => {
    for (const set of Object.values(CODE_SETS)) {
      const matcher = compileCodeSet(set)
      set.codes.forEach((code, i) => expect([set.name, matcher.match(preferredForm(set, code))]).toEqual([set.name, i]))
    }
  })
})
