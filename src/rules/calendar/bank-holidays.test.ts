import { describe, expect, it } from 'vitest'
import {
  GOV_UK_CORRECTIONS,
  SNAPSHOT_YEARS,
  bankHolidayOn,
  bankHolidays,
  correctedLibraryBankHolidays,
  libraryBankHolidays,
} from './bank-holidays.js'

// The published list: GOV.UK "UK bank holidays", https://www.gov.uk/bank-holidays (the
// england-and-wales division of https://www.gov.uk/bank-holidays.json): 2012–2019 as archived in
// ministryofjustice/govuk-bank-holidays (govuk_bank_holidays/bank-holidays.json), 2018–2027 as
// served by the feed. Typed here from that list, one line per year, so that a library
// that gets a date wrong fails this test. GOV.UK lists only the days off, so a holiday falling
// at a weekend appears as its substitute day ("Substitute day" in the feed's notes).
const GOV_UK_ENGLAND_AND_WALES: Record<number, string[]> = {
  // Spring bank holiday moved to Monday 4 June for the Diamond Jubilee on Tuesday 5 June.
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2013: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2014: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  // Early May bank holiday moved to Friday 8 May for VE day; Boxing Day substitute 28 Dec.
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  // Christmas and Boxing Day at the weekend: substitutes Monday 27 and Tuesday 28 Dec.
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  // New Year substitute 3 Jan; spring bank holiday moved to Thursday 2 June and the Platinum
  // Jubilee on Friday 3 June; the Queen's state funeral 19 Sept; Christmas substitute 27 Dec.
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  // New Year substitute 2 Jan; the coronation of King Charles III on Monday 8 May.
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  // Boxing Day on a Saturday: substitute Monday 28 Dec.
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
}

const years = Object.keys(GOV_UK_ENGLAND_AND_WALES).map(Number)

describe('bankHolidays (C1) against the published GOV.UK list', () => {
  it.each(years)('%i: every England-and-Wales bank holiday, and no other', (year) => {
    const expected = GOV_UK_ENGLAND_AND_WALES[year]!.map((day) => `${year}-${day}`)
    expect(bankHolidays(year).map((holiday) => holiday.date)).toEqual(expected)
  })

  it.each(years)('%i: the date-holidays library, with the sourced corrections, agrees with GOV.UK', (year) => {
    const expected = GOV_UK_ENGLAND_AND_WALES[year]!.map((day) => `${year}-${day}`)
    expect(correctedLibraryBankHolidays(year).map((holiday) => holiday.date)).toEqual(expected)
  })

  it.each(GOV_UK_CORRECTIONS.map((correction) => [correction.year, correction]))(
    '%i: the correction is still needed (remove it when the library is fixed)',
    (year, correction) => {
      const dates = libraryBankHolidays(year).map((holiday) => holiday.date)
      const stillWrong =
        correction.remove.some((date) => dates.includes(date)) ||
        correction.add.some((holiday) => !dates.includes(holiday.date))
      expect(stillWrong).toBe(true)
    },
  )
})

describe('the generated snapshot', () => {
  it('equals date-holidays (corrected) for every year it covers (rerun scripts/bank-holidays-snapshot.ts if not)', () => {
    for (let year = SNAPSHOT_YEARS.first; year <= SNAPSHOT_YEARS.last; year += 1) {
      expect(bankHolidays(year), String(year)).toEqual(correctedLibraryBankHolidays(year))
    }
  })

  it('falls back to the library outside its years', () => {
    const year = SNAPSHOT_YEARS.last + 1
    expect(bankHolidays(year)).toEqual(libraryBankHolidays(year))
    expect(bankHolidays(year).some((holiday) => holiday.name === 'Good Friday')).toBe(true)
  })
})

describe('bankHolidayOn (C1)', () => {
  it.each([
    ['2022-06-03', 'Platinum Jubilee (one-off)', /Jubilee/],
    ['2022-09-19', 'state funeral of Queen Elizabeth II (one-off)', /Funeral/],
    ['2023-05-08', 'coronation of King Charles III (one-off)', /Coronation/],
    ['2020-05-08', 'early May bank holiday moved for VE day', /VE day/],
    ['2021-12-28', 'Boxing Day substitute', /substitute/],
  ])('%s is a bank holiday: %s', (date, _case, name) => {
    expect(bankHolidayOn(date)?.name).toMatch(name)
  })

  it.each([
    ['2020-05-04', 'the first Monday in May 2020 was not a holiday (moved to VE day)'],
    ['2022-05-30', 'the last Monday in May 2022 was not a holiday (moved to 2 June)'],
    ['2021-12-25', 'Christmas Day 2021 fell on a Saturday: the holiday is the substitute day'],
  ])('%s is not a weekday bank holiday: %s', (date) => {
    expect(bankHolidayOn(date)).toBeUndefined()
  })
})
