import { describe, expect, it } from 'vitest'
import { dateFieldOf, defineForm, errorList, field, formValues, timeOfDay } from './forms.js'

describe('field.date', () => {
  const form = defineForm({ onsiteStart: field.date('the first day on site') })

  it.each([
    [{}, 'Enter the first day on site'],
    [{ 'onsiteStart-day': '7', 'onsiteStart-year': '2026' }, 'The first day on site must include a month'],
    [{ 'onsiteStart-day': '7' }, 'The first day on site must include a month and year'],
    [
      { 'onsiteStart-day': 'x', 'onsiteStart-month': '12', 'onsiteStart-year': '2026' },
      'The first day on site must be a real date, for example 27 3 2025',
    ],
    // 29 February 2027 does not exist (2027 is not a leap year).
    [
      { 'onsiteStart-day': '29', 'onsiteStart-month': '2', 'onsiteStart-year': '2027' },
      'The first day on site must be a real date',
    ],
  ])('refuses %j with the GOV.UK message', (body, message) => {
    const result = form.parse(body)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toEqual({ onsiteStart: message })
  })

  it('reads a real date as YYYY-MM-DD, 29 February 2028 included', () => {
    const result = form.parse({ 'onsiteStart-day': '29', 'onsiteStart-month': '2', 'onsiteStart-year': '2028' })
    expect(result).toMatchObject({ ok: true, value: { onsiteStart: '2028-02-29' } })
  })

  it('links its error to the day box, and keeps what was typed to show again', () => {
    const result = form.parse({ 'onsiteStart-day': '31', 'onsiteStart-month': '4', 'onsiteStart-year': '2027' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(errorList(result.errors, form.anchors)).toEqual([
      { text: 'The first day on site must be a real date', href: '#onsiteStart-day' },
    ])
    expect(dateFieldOf(result.values, 'onsiteStart')).toMatchObject({ day: '31', month: '4', year: '2027' })
  })

  it('may be left blank when optional, but not half filled', () => {
    const optional = defineForm({ due: field.optionalDate('the date the response is required') })
    const blank = optional.parse({})
    expect(blank.ok && blank.value.due).toBeUndefined()
    expect(blank.ok).toBe(true)
    expect(optional.parse({ 'due-year': '2027' })).toMatchObject({
      ok: false,
      errors: { due: 'The date the response is required must include a day and month' },
    })
  })
})

describe('field.dateTime', () => {
  const form = defineForm({ calledAt: field.dateTime('the date of the call', 'Enter the time of the call') })
  const body = (day: string, month: string, hour: string, minute: string) => ({
    'calledAt-day': day,
    'calledAt-month': month,
    'calledAt-year': '2026',
    'calledAt-hour': hour,
    'calledAt-minute': minute,
  })

  it('reads 9:15 in England in summer time (BST) and winter (GMT)', () => {
    expect(form.parse(body('6', '7', '9', '15'))).toMatchObject({
      ok: true,
      value: { calledAt: new Date('2026-07-06T08:15:00Z') },
    })
    expect(form.parse(body('23', '11', '9', '15'))).toMatchObject({
      ok: true,
      value: { calledAt: new Date('2026-11-23T09:15:00Z') },
    })
  })

  it('refuses a time that is not one', () => {
    expect(form.parse(body('23', '11', '24', '00'))).toMatchObject({
      ok: false,
      errors: { calledAt: 'Enter the time of the call' },
    })
  })
})

describe('defineForm', () => {
  const form = defineForm(
    {
      type: field.choice(['standard-inspection', 'focused-visit'], 'Select the type'),
      topics: field.checkboxes(),
      name: field.required('Enter a name'),
      version: field.version(),
    },
    (value, issue) => {
      if (value.type === 'focused-visit' && value.topics.length === 0) issue('topics', 'Select at least one topic')
    },
  )

  it('gives each field its own message, in the order of the form, when fields are left out', () => {
    const result = form.parse({})
    expect(!result.ok && Object.entries(result.errors)).toEqual([
      ['type', 'Select the type'],
      ['name', 'Enter a name'],
    ])
  })

  it('refuses a value that is not one of the choices (a hand-made request)', () => {
    expect(form.parse({ type: 'anything', name: 'A' })).toMatchObject({
      ok: false,
      errors: { type: 'Select the type' },
    })
  })

  it('runs the checks across fields once every field has parsed', () => {
    expect(form.parse({ type: 'focused-visit', name: 'A' })).toMatchObject({
      ok: false,
      errors: { topics: 'Select at least one topic' },
    })
  })

  it('types what it reads: trimmed text, lists of ticked boxes, the version as a number', () => {
    expect(form.parse({ type: 'focused-visit', topics: ['Care leavers', ''], name: '  A  ', version: '3' })).toEqual({
      ok: true,
      value: { type: 'focused-visit', topics: ['Care leavers'], name: 'A', version: 3 },
      values: { type: 'focused-visit', topics: ['Care leavers', ''], name: '  A  ', version: '3' },
    })
    const single = form.parse({ type: 'standard-inspection', topics: 'Care leavers', name: 'A' })
    expect(single.ok && single.value.topics).toEqual(['Care leavers'])
    expect(single.ok && single.value.version).toBeUndefined()
  })
})

describe('formValues', () => {
  it('gathers the boxes of date and time inputs under their name', () => {
    expect(formValues({ 'a-day': '1', 'a-month': '2', 'a-year': '2027', 'a-hour': '9', b: 'x' })).toEqual({
      a: { day: '1', month: '2', year: '2027', hour: '9' },
      b: 'x',
    })
  })
})

describe('timeOfDay and field.time', () => {
  it('reads 24-hour hour and minute boxes', () => {
    expect(timeOfDay('9', '5')).toBe('09:05')
    expect(timeOfDay('23', '59')).toBe('23:59')
    expect(timeOfDay('24', '00')).toBeUndefined()
    expect(timeOfDay('', '30')).toBeUndefined()
    expect(timeOfDay('two', '30')).toBeUndefined()
  })

  it('links a time error to its hour box', () => {
    const form = defineForm({ collectedTime: field.time('Enter the time') })
    const result = form.parse({ 'collectedTime-hour': '25', 'collectedTime-minute': '00' })
    expect(!result.ok && errorList(result.errors, form.anchors)).toEqual([
      { text: 'Enter the time', href: '#collectedTime-hour' },
    ])
    expect(form.parse({ 'collectedTime-hour': '14', 'collectedTime-minute': '30' })).toMatchObject({
      ok: true,
      value: { collectedTime: '14:30' },
    })
  })
})

describe('rows of repeated text boxes', () => {
  const form = defineForm({ name: field.rows(), email: field.rows() })

  it('keeps each row in order, blanks included, so two fields line up', () => {
    expect(form.parse({ name: [' Trust A ', 'Trust B'], email: ['', 'b@example.org'] })).toMatchObject({
      ok: true,
      value: { name: ['Trust A', 'Trust B'], email: ['', 'b@example.org'] },
    })
  })

  it('reads one row as a list of one, and none as an empty list', () => {
    expect(form.parse({ name: 'Trust A' })).toMatchObject({ ok: true, value: { name: ['Trust A'], email: [] } })
  })
})
