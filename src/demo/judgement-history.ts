import { addDays, addMonths, dayOfWeek, type IsoDate } from '../rules/calendar/dates.js'
import {
  FRAMEWORK_INFO,
  frameworkInForce,
  type Framework,
  type Grade,
  type JudgementActivityType,
} from '../areas/register/frameworks.js'
import { hashString, seededRandom, weighted } from './random.js'

export interface DemoJudgement {
  readonly framework: Framework
  readonly activityType: JudgementActivityType
  readonly inspectionStart: IsoDate
  readonly inspectionEnd: IsoDate
  readonly publishedOn: IsoDate
  readonly grades: Record<string, Grade>
}

/** Next grade given the last: mostly the same or one step either way (an invented but plausible spread). */
function nextGrade(random: () => number, last: Grade | undefined): Grade {
  switch (last) {
    case undefined:
      return weighted(random, [
        ['outstanding', 3],
        ['good', 34],
        ['requires-improvement', 42],
        ['inadequate', 21],
      ])
    case 'outstanding':
      return weighted(random, [
        ['outstanding', 55],
        ['good', 40],
        ['requires-improvement', 5],
      ])
    case 'good':
      return weighted(random, [
        ['outstanding', 15],
        ['good', 65],
        ['requires-improvement', 17],
        ['inadequate', 3],
      ])
    case 'requires-improvement':
      return weighted(random, [
        ['good', 50],
        ['requires-improvement', 38],
        ['inadequate', 12],
      ])
    case 'inadequate':
      return weighted(random, [
        ['good', 15],
        ['requires-improvement', 65],
        ['inadequate', 20],
      ])
  }
}

function areaGrades(random: () => number, framework: Framework, headline: Grade): Record<string, Grade> {
  const ladder: Grade[] = ['outstanding', 'good', 'requires-improvement', 'inadequate']
  const grades: Record<string, Grade> = {}
  for (const area of FRAMEWORK_INFO[framework].areas) {
    if (area.key === 'overall') continue
    if (!area.required && random() < 0.3) continue
    // Areas sit at the headline grade or one better; an inadequate headline keeps at least
    // one inadequate area (002#100).
    const step = random() < 0.35 ? -1 : 0
    grades[area.key] = ladder[Math.max(0, ladder.indexOf(headline) + step)]!
  }
  if (headline === 'inadequate') grades['help-and-protection'] = 'inadequate'
  if (FRAMEWORK_INFO[framework].hasOverall) grades.overall = headline
  return grades
}

/** The Monday on or after `date`. */
function mondayFrom(date: IsoDate): IsoDate {
  const day = dayOfWeek(date)
  return day === 1 ? date : addDays(date, 8 - day)
}

/**
 * An invented judgement history for one LA: a single inspection between 2014 and 2017, then
 * inspections about three years apart (about two after inadequate, 002#13, #22), each grade a
 * plausible step from the last. Deterministic per LA code; only judgements published by `today`.
 */
export function demoJudgementHistory(laCode: string, today: IsoDate): DemoJudgement[] {
  const random = seededRandom(hashString(`judgements:${laCode}`))
  const history: DemoJudgement[] = []
  let start = mondayFrom(addDays('2014-01-06', Math.floor(random() * 1250)))
  let grade: Grade | undefined
  while (true) {
    const framework = frameworkInForce(start)
    const previous = grade
    grade = nextGrade(random, previous)
    const activityType: JudgementActivityType =
      framework === 'sif'
        ? previous === 'inadequate'
          ? 'post-monitoring-inspection'
          : 'sif-inspection'
        : previous === 'good' || previous === 'outstanding'
          ? 'short-inspection'
          : 'standard-inspection'
    const weeksOnSite = framework === 'sif' ? 4 : activityType === 'short-inspection' ? 1 : 2
    const inspectionEnd = addDays(start, 7 * weeksOnSite - 3)
    const publishedOn = addDays(inspectionEnd, 35 + Math.floor(random() * 14))
    if (publishedOn > today) break
    history.push({
      framework,
      activityType,
      inspectionStart: start,
      inspectionEnd,
      publishedOn,
      grades: areaGrades(random, framework, grade),
    })
    const gapMonths = grade === 'inadequate' ? 22 + Math.floor(random() * 10) : 30 + Math.floor(random() * 13)
    start = mondayFrom(addMonths(publishedOn, gapMonths))
    // Inspections do not usually start in August or over Christmas (002#14).
    if (start.slice(5, 7) === '08') start = mondayFrom(addMonths(start, 1))
    if (start.slice(5, 10) >= '12-15' || start.slice(5, 10) <= '01-05')
      start = mondayFrom(`${start.slice(5, 7) === '12' ? Number(start.slice(0, 4)) + 1 : start.slice(0, 4)}-01-08`)
  }
  return history
}
