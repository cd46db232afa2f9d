import type { FastifyReply } from 'fastify'
import { ValidationError } from '../../errors.js'
import { route, type SignedInRequest } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { activityParams } from './forms.js'
import type { ApiOperation } from './openapi.routes.js'
import { apiV1Paths } from './paths.js'
import { toActivity } from './presenters.js'
import { Activity, PlanActivity } from './schemas.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** Activities through the API: listing, reading and planning inspections and visits. */
export function activityOperations({ activities }: { activities: ActivitiesService }): ApiOperation[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)

  async function list(request: SignedInRequest) {
    return (await activities.list(request.principal)).map((item) =>
      toActivity(item.activity, item.milestones, item.team),
    )
  }

  async function show(request: ActivityRequest) {
    const { activity, milestones, team } = await activities.details(request.params.activityId)
    return toActivity(activity, milestones, team)
  }

  /** Plan from a JSON body (schemas.ts); its problems come back as fieldErrors by path. */
  async function plan(request: SignedInRequest, reply: FastifyReply) {
    const parsed = PlanActivity.safeParse(request.body)
    if (!parsed.success) {
      throw new ValidationError(
        Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message])),
      )
    }
    const input = parsed.data
    const id = await activities.plan(
      request.principal,
      {
        laCode: input.laCode,
        type: input.type,
        variant: input.variant ?? null,
        onsiteStart: input.onsiteStart,
        topics: input.topics ?? [],
      },
      { requestId: request.id },
    )
    const { activity, milestones, team } = await activities.details(id)
    return reply
      .code(201)
      .header('location', apiV1Paths.activity.build({ activityId: id }))
      .send(toActivity(activity, milestones, team))
  }

  return [
    {
      tag: 'Activities',
      summary: 'Inspections and visits the account may see, with their milestones',
      description: 'An LA account sees its own LA’s activities once notice has been given (002#73).',
      response: Activity.array(),
      route: route({
        method: 'GET',
        url: apiV1Paths.activities.pattern,
        permission: 'activity.view',
        api: true,
        handler: list,
      }),
    },
    {
      tag: 'Activities',
      summary: 'One inspection or visit with its dated milestones, each naming its rule',
      pathParams: { activityId: 'Activity id' },
      response: Activity,
      route: route({
        method: 'GET',
        url: apiV1Paths.activity.pattern,
        permission: 'activity.view',
        params: activityParams,
        target,
        api: true,
        handler: show,
      }),
    },
    {
      tag: 'Activities',
      summary: 'Plan an inspection or visit; its timeline is worked out by the rules core',
      description:
        'Refused with 400 and the rule (e.g. C5) when the first day on site is not the weekday the schedule needs.',
      body: PlanActivity,
      response: Activity,
      status: 201,
      route: route({
        method: 'POST',
        url: apiV1Paths.activities.pattern,
        permission: 'activity.plan',
        api: true,
        handler: plan,
      }),
    },
  ]
}
