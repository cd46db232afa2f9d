import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Clock } from '../../clock.js'
import { NotFoundError } from '../../errors.js'
import { contentDisposition } from '../../web/downloads.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import type { RegisterService } from '../register/index.js'
import { atomFeed } from './feed.js'
import { chooseLaQuery, laParams, listQuery, listQueryString, publicationParams, timelinessQuery } from './forms.js'
import { KIND_LABELS } from './kinds.js'
import { publicationPaths } from './paths.js'
import {
  countText,
  downloads,
  filterItems,
  frameworkText,
  headlineGrade,
  judgementRows,
  listRows,
  pagination,
  summaryRows,
} from './presenters.js'
import type { PublicationsService } from './service.js'
import { timelinessView } from './timeliness.presenters.js'

type ListRequest = SignedInRequest<unknown, z.output<typeof listQuery>>
type LaRequest = SignedInRequest<z.output<typeof laParams>>
type ChooseLaRequest = SignedInRequest<unknown, z.output<typeof chooseLaQuery>>
type PublicationRequest = SignedInRequest<z.output<typeof publicationParams>>

/** How long a shared cache may keep a public page or the feed; a published PDF does not change. */
const PAGE_SECONDS = 300
const FILE_SECONDS = 86_400

/**
 * Public pages may be cached by anyone when nobody is signed in; a signed-in user's copy shows
 * their name, so it is private. `Vary: Cookie` keeps the two apart in shared caches.
 */
function cacheFor(request: FastifyRequest, reply: FastifyReply, seconds: number): void {
  reply.header('vary', 'Cookie')
  reply.header('cache-control', request.principal ? 'private, no-cache' : `public, max-age=${seconds}`)
}

/** A file name for a download: the title's words, safe in a header. */
function fileName(title: string, suffix = ''): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 80)
  return `${slug || 'ofsted-publication'}${suffix}.pdf`
}

/**
 * The public pages (issue 11; no sign-in): the national list, each LA's reports and letters,
 * each document with its PDF, the Atom feed and the timeliness figures. Every one reads the
 * publications table through its public query only, so an unpublished or private document is
 * "Page not found" here whatever its address.
 */
export function publicationRoutes(deps: {
  publications: PublicationsService
  register: Pick<RegisterService, 'regions' | 'findLocalAuthority' | 'localAuthorities'>
  clock: Clock
  baseUrl: string
}): RouteSpec[] {
  const { publications, register } = deps

  async function listPage(request: ListRequest, reply: FastifyReply) {
    const { filters, errors, raw } = request.query
    const [page, regions, laItems] = await Promise.all([
      publications.listPublic(filters),
      register.regions(),
      localAuthorityItems(),
    ])
    cacheFor(request, reply, PAGE_SECONDS)
    return reply.page(
      'publications/list.njk',
      {
        rows: listRows(page),
        count: countText(page),
        pagination: pagination(page, filters),
        filters,
        raw,
        errors,
        ...filterItems(filters, regions),
        feedHref: publicationPaths.feed.build({}),
        timelinessHref: publicationPaths.timeliness.build({}),
        clearHref: publicationPaths.list.build({}),
        chooseLaHref: publicationPaths.chooseLa.build({}),
        laItems,
        filteredHref: `${publicationPaths.list.build({})}${listQueryString(filters)}`,
      },
      { csrf: false },
    )
  }

  /** Every LA, by name, for the "choose a local authority" select (a first, empty choice). */
  async function localAuthorityItems(chosen?: string) {
    const las = await register.localAuthorities()
    return [
      { value: '', text: 'Choose a local authority' },
      ...las.map((la) => ({ value: la.laCode, text: la.name, selected: la.laCode === chosen })),
    ]
  }

  /**
   * The "choose a local authority" form: a known LA goes to its page; without one (or with one
   * that is not an LA) the form is shown on its own, with an error when something was chosen.
   */
  async function chooseLaPage(request: ChooseLaRequest, reply: FastifyReply) {
    const chosen = request.query.la
    const la = chosen ? await register.findLocalAuthority(chosen) : undefined
    if (la) return reply.redirect(publicationPaths.la.build({ la: la.laCode }), 303)
    cacheFor(request, reply, PAGE_SECONDS)
    return reply.page(
      'publications/choose-la.njk',
      {
        laItems: await localAuthorityItems(),
        error: chosen === undefined ? undefined : 'Choose a local authority from the list',
        chooseLaHref: publicationPaths.chooseLa.build({}),
        listHref: publicationPaths.list.build({}),
      },
      { csrf: false },
    )
  }

  async function laPage(request: LaRequest, reply: FastifyReply) {
    const la = await register.findLocalAuthority(request.params.la)
    if (!la) throw new NotFoundError()
    const items = await publications.publicOfLa(la.laCode)
    cacheFor(request, reply, PAGE_SECONDS)
    return reply.page(
      'publications/la.njk',
      {
        la,
        items: items.map((publication) => ({
          publication,
          href: publicationPaths.show.build({ publicationId: publication.id }),
          kind: KIND_LABELS[publication.kind],
          grade: headlineGrade(publication),
          judgementRows: judgementRows(publication),
          downloads: downloads(publication),
        })),
        listHref: publicationPaths.list.build({}),
      },
      { csrf: false },
    )
  }

  async function publicationPage(request: PublicationRequest, reply: FastifyReply) {
    const publication = await publications.publicOne(request.params.publicationId)
    cacheFor(request, reply, PAGE_SECONDS)
    return reply.page(
      'publications/show.njk',
      {
        publication,
        kind: KIND_LABELS[publication.kind],
        summaryRows: summaryRows(publication),
        judgementRows: judgementRows(publication),
        framework: frameworkText(publication),
        downloads: downloads(publication),
        laHref: publicationPaths.la.build({ la: publication.laCode }),
      },
      { csrf: false },
    )
  }

  function fileRoute(url: string, which: 'report' | 'children-summary') {
    return route({
      method: 'GET',
      url,
      permission: 'public',
      params: publicationParams,
      handler: async (request: PublicationRequest, reply) => {
        const file = await publications.publicFile(request.params.publicationId, which)
        cacheFor(request, reply, FILE_SECONDS)
        const name = fileName(file.publication.title, which === 'report' ? '' : '-summary-for-children')
        return reply
          .type('application/pdf')
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(name, 'inline'))
          .send(file.stream)
      },
    })
  }

  return [
    route({
      method: 'GET',
      url: publicationPaths.list.pattern,
      permission: 'public',
      query: listQuery,
      handler: listPage,
    }),
    route({
      method: 'GET',
      url: publicationPaths.feed.pattern,
      permission: 'public',
      handler: async (request, reply) => {
        const latest = await publications.latestPublic(50)
        cacheFor(request, reply, PAGE_SECONDS)
        return reply
          .type('application/atom+xml; charset=utf-8')
          .send(atomFeed(latest, { baseUrl: deps.baseUrl, now: deps.clock.now() }))
      },
    }),
    route({
      method: 'GET',
      url: publicationPaths.timeliness.pattern,
      permission: 'public',
      query: timelinessQuery,
      handler: async (request: SignedInRequest<unknown, z.output<typeof timelinessQuery>>, reply) => {
        const [all, regions] = await Promise.all([publications.allPublic(), register.regions()])
        cacheFor(request, reply, PAGE_SECONDS)
        return reply.page('publications/timeliness.njk', timelinessView(all, request.query, regions), { csrf: false })
      },
    }),
    route({
      method: 'GET',
      url: publicationPaths.chooseLa.pattern,
      permission: 'public',
      query: chooseLaQuery,
      handler: chooseLaPage,
    }),
    route({ method: 'GET', url: publicationPaths.la.pattern, permission: 'public', params: laParams, handler: laPage }),
    route({
      method: 'GET',
      url: publicationPaths.show.pattern,
      permission: 'public',
      params: publicationParams,
      handler: publicationPage,
    }),
    fileRoute(publicationPaths.pdf.pattern, 'report'),
    fileRoute(publicationPaths.childrenSummary.pattern, 'children-summary'),
  ]
}
