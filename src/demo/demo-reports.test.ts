import { describe, expect, it } from 'vitest'
import { demoDatabase } from '../test-support/demo-database.js'
import { DEMO_REPORTS_LIST, loadDemoReports, onsiteEndingBy } from './demo-reports.js'

const TODAY = '2026-11-23'
const demo = demoDatabase(TODAY)

describe('demo reports', () => {
  it(
    'leaves one report at each step of the workflow, with its comments, and publishes two through the job',
    { timeout: 240_000 },
    async () => {
      const config = demo.config
      expect(await loadDemoReports(demo.db, config, TODAY)).toBe(true)
      const services = demo.services()
      const pageOf = async (laCode: string) => {
        const reports = await services.reports.read.at(['drafting', 'factual-accuracy', 'embargoed', 'published'])
        for (const report of reports) {
          const page = await services.reports.read.page(report.activityId)
          if (page.details.activity.laCode === laCode) return page
        }
        throw new Error(`no demo report for ${laCode}`)
      }

      // Drafting, back from QA with comments by section.
      const oxfordshire = await pageOf('931')
      expect(oxfordshire.report!.step).toBe('drafting')
      expect(oxfordshire.reviewComments!.length).toBe(3)
      expect(oxfordshire.steps!.map((step) => step.event)).toContain('returned')

      // With the LA for factual accuracy: the DCS's two comments submitted, the first answered.
      const isleOfWight = await pageOf('921')
      expect(isleOfWight.report!.step).toBe('factual-accuracy')
      expect(isleOfWight.faComments!.filter((comment) => comment.submittedAt)).toHaveLength(2)
      expect(isleOfWight.faComments!.filter((comment) => comment.response)).toHaveLength(1)
      expect(isleOfWight.report!.faDue! >= TODAY).toBe(true)

      // The final copy under embargo until a day still to come, sent to the LA, the Children in
      // Care Council, the DfE and partner inspectorates.
      const buckinghamshire = await pageOf('825')
      expect(buckinghamshire.report!.step).toBe('embargoed')
      expect(buckinghamshire.report!.embargoUntil!.getTime()).toBeGreaterThan(new Date(`${TODAY}T23:59:00Z`).getTime())
      expect(new Set(buckinghamshire.report!.recipients.map((recipient) => recipient.group))).toEqual(
        new Set([
          'The local authority',
          'Children in Care Council',
          'Department for Education',
          'Partner inspectorate',
        ]),
      )

      // Published by the job, on the public list: Portsmouth's report late, Southampton's letter on time.
      const published = (await services.publications.listPublic({})).items
      const portsmouth = published.find((item) => item.laCode === '851')!
      const southampton = published.find((item) => item.laCode === '852')!
      expect(portsmouth.kind).toBe('inspection-report')
      expect(portsmouth.publishedOn > portsmouth.statutoryPublicationDate).toBe(true)
      expect(southampton.kind).toBe('focused-visit-letter')
      expect(southampton.publishedOn).toBe(southampton.statutoryPublicationDate)
      expect((await pageOf('851')).report!.step).toBe('published')
      expect((await services.activities.load(portsmouth.activityId!)).status).toBe('published')

      expect(DEMO_REPORTS_LIST.map((item) => item.step)).toEqual([
        'drafting',
        'factual-accuracy',
        'embargoed',
        'published',
        'published',
      ])
      expect(await loadDemoReports(demo.db, config, TODAY)).toBe(false)
    },
  )

  it('finds fieldwork that ended by a day even when a Monday before it is a bank holiday (Easter 2027)', () => {
    // Easter Monday is 29 March 2027: the search steps over it instead of coming back to 5 April.
    const found = onsiteEndingBy('standard-inspection', '2027-03-30')
    expect(found.end <= '2027-03-30').toBe(true)
    expect(found.onsite).toBe('2027-03-15')
    expect(onsiteEndingBy('focused-visit', '2027-04-06').onsite).toBe('2027-03-23')
  })
})
