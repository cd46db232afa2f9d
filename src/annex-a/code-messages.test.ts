import { describe, expect, it } from 'vitest'
import { blankCodeMessage, codeMessage } from './code-messages.js'
import { CODE_SETS } from './code-sets.js'

describe('messages for code columns, in the analyst’s words', () => {
  it.each([
    [
      'Gender',
      'GENDER',
      'Enter the Gender as one of the template’s values, for example a) Male, b) Female, c) Not stated/recorded.',
    ],
    ['Ethnicity', 'ETHNICITY', 'Enter the Ethnicity as a DfE 4-letter code, for example WBRI, WIRI, WIRT.'],
    ["Child's Legal Status", 'LEGAL', "Enter the Child's Legal Status as an SSDA903 code, for example C1, C2, D1."],
    [
      "Child's Category of Need",
      'NEED',
      "Enter the Child's Category of Need as one of N0 to N9, for example N1, N2, N3.",
    ],
    ['Disability', 'YN', 'Enter the Disability as Yes or No, for example a) Yes, b) No.'],
    [
      'LA In Touch',
      'INTOUCH',
      'Enter the LA In Touch: whether the LA is in touch (SSDA903 code), for example a) Yes, b) No, c) Died.',
    ],
  ] as const)('says what to enter in %s without repeating its name or examples', (header, set, start) => {
    const message = codeMessage(header, CODE_SETS[set])
    expect(message.startsWith(start), message).toBe(true)
    expect(message.match(/for example/g)).toHaveLength(1)
  })

  it.each([
    [
      'Gender',
      'GENDER',
      'Select the Gender, for example a) Male, b) Female, c) Not stated/recorded. It must not be blank.',
    ],
    [
      'Contact Source',
      'SOURCE',
      'Select the Contact Source (CIN census referral source code), for example 1A, 1B, 1C. It must not be blank.',
    ],
    [
      'Placement Location',
      'INOUT',
      'Select the Placement Location (In or Out), for example a) In, b) Out. It must not be blank.',
    ],
  ] as const)('asks for a blank %s to be filled', (header, set, message) => {
    expect(blankCodeMessage(header, CODE_SETS[set])).toBe(message)
  })
})
