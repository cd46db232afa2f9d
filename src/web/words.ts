const NUMBER = new Intl.NumberFormat('en-GB')

/** "1 note", "2 notes", "1,500 rows": a count with its noun, in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`
}
