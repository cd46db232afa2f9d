/**
 * The profile's measures of each list, from what its rows added up to: the timeliness and
 * outcome measures the lists allow (002#150-153), each with its count, base and percentage.
 */
import { type Accumulator, measure } from './profile-accumulator.js'
import type { Measure } from './profile.js'

/** The measures of `list`; those counted in working days are empty without a working-day calendar. */
export function listMeasures(list: number, acc: Accumulator, workingDaysGiven: boolean): Measure[] {
  const wdNote = workingDaysGiven ? undefined : 'Needs a working-day calendar (none was given).'
  const wd = (m: Measure): Measure =>
    wdNote ? { ...m, count: null, of: null, percent: null, median: null, note: wdNote } : m
  switch (list) {
    case 2:
      return [
        measure('early-help-open', 'Early help assessments still open', acc.n('open'), acc.rows),
        {
          ...measure('early-help-completed', 'Early help assessments completed', acc.n('completed'), acc.rows),
          median: acc.median('days to complete'),
          unit: 'days',
        },
      ]
    case 3:
      return [
        measure('referral-nfa', 'Referrals with no further action', acc.n('nfa'), acc.n('nfa known')),
        measure(
          'repeat-referrals',
          'Repeat referrals (2 or more referrals in the 12 months, counting the latest)',
          acc.n('repeat'),
          acc.n('count known'),
          { note: 'Decision A4: the template count includes the latest referral.' },
        ),
      ]
    case 4:
      return [
        wd({
          ...measure(
            'assessment-45-days',
            'Completed assessments authorised within 45 working days',
            acc.n('within 45'),
            acc.n('completed'),
          ),
          median: acc.median('working days to complete'),
          unit: 'working days',
          citation: 'Working Together to Safeguard Children: 45 working days',
        }),
        measure('assessment-open', 'Assessments still open', acc.n('open'), acc.rows),
        measure('assessment-child-seen', 'Child seen during the assessment', acc.n('seen'), acc.n('seen known')),
      ]
    case 5:
      return [
        measure(
          'icpc-held',
          'Section 47 enquiries leading to an initial child protection conference',
          acc.n('icpc held'),
          acc.rows,
        ),
        wd({
          ...measure(
            'icpc-15-days',
            'ICPCs within 15 working days of the strategy discussion',
            acc.n('icpc within 15'),
            acc.n('icpc timed'),
          ),
          median: acc.median('working days to ICPC'),
          unit: 'working days',
          citation: 'Working Together to Safeguard Children: 15 working days',
        }),
        measure('icpc-to-plan', 'Conferences resulting in a child protection plan', acc.n('plan'), acc.n('plan known')),
      ]
    case 6:
      return [measure('cin-open', 'Children in need with an open episode', acc.n('open'), acc.rows)]
    case 7:
      return [
        measure('cp-open', 'Children on a plan at the inspection date', acc.n('open'), acc.rows),
        measure('cp-two-years', 'Open plans lasting 2 years or more', acc.n('two years'), acc.n('open')),
        measure(
          'cp-repeat',
          'Children with a previous child protection plan (repeat plans)',
          acc.n('repeat'),
          acc.n('previous known'),
        ),
        measure(
          'cp-seen-alone',
          'Child seen alone at the last statutory visit',
          acc.n('seen alone'),
          acc.n('seen alone known'),
        ),
        measure('cp-epo', 'Subject to an EPO or police protection in the last six months', acc.n('epo'), acc.rows),
      ]
    case 8:
      return [
        measure('cla-open', 'Children in care at the inspection date', acc.n('open'), acc.rows),
        measure(
          'cla-three-placements',
          'Children with 3 or more placements in the last 12 months (placement stability)',
          acc.n('three placements'),
          acc.n('placements known'),
        ),
        measure('cla-out-of-area', 'Children placed out of area', acc.n('out of area'), acc.n('location known')),
        {
          ...measure(
            'cla-missing',
            'Children missing from placement in the last 12 months',
            acc.n('missing'),
            acc.n('missing known'),
          ),
          note: `${acc.n('missing episodes')} missing episodes in all`,
        },
        measure(
          'cla-absent',
          'Children absent from placement in the last 12 months',
          acc.n('absent'),
          acc.n('absent known'),
        ),
        measure(
          'cla-return-interview-offered',
          'Children missing who were offered a return interview after their last missing episode',
          acc.n('offered'),
          acc.n('missing'),
        ),
        measure(
          'cla-return-interview-accepted',
          'Return interviews accepted, of those offered',
          acc.n('accepted'),
          acc.n('offered'),
        ),
        measure(
          'cla-health-assessment',
          'Children in care with a health assessment in the last 12 months',
          acc.n('health in 12 months'),
          acc.n('open for health'),
        ),
        measure('cla-uasc', 'Unaccompanied asylum-seeking children', acc.n('uasc'), acc.rows),
        measure(
          'cla-large-sibling-group',
          'Children from a large sibling group (3 or more brothers and sisters, 002#253)',
          acc.n('large sibling group'),
          acc.n('siblings known'),
          { citation: '002#253' },
        ),
      ]
    case 9:
      return [
        measure(
          'care-leavers-in-touch',
          'Care leavers the LA is in touch with',
          acc.n('in touch'),
          acc.n('in touch known'),
        ),
        measure(
          'care-leavers-suitable',
          'Care leavers in suitable accommodation',
          acc.n('suitable'),
          acc.n('suitability known'),
        ),
        measure(
          'care-leavers-neet',
          'Care leavers not in education, employment or training',
          acc.n('neet'),
          acc.n('activity known'),
        ),
      ]
    case 10:
      return [
        {
          ...measure(
            'adoption-a1',
            'Placed for adoption within 14 months (426 days) of entering care',
            acc.n('within 426'),
            acc.n('placed timed'),
          ),
          median: acc.median('days from entering care to placement for adoption'),
          unit: 'days',
          citation: 'DfE adoption scorecard A1 threshold',
        },
        {
          id: 'adoption-decision-to-match',
          label: 'Days from the decision to place for adoption to matching',
          count: null,
          of: null,
          percent: null,
          median: acc.median('days from decision to match'),
          unit: 'days',
        },
      ]
    case 11:
      return [
        measure('adopters-ffa', 'Adopters fostering for adoption', acc.n('ffa'), acc.rows),
        {
          id: 'adopters-enquiry-to-approval',
          label: 'Days from enquiry to approval',
          count: null,
          of: null,
          percent: null,
          median: acc.median('days from enquiry to approval'),
          unit: 'days',
        },
      ]
    default:
      return []
  }
}
