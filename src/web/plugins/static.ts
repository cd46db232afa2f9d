import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { govukFrontendDist, projectRoot } from '../paths.js'

const GOVUK_BUILD = /^\/govuk-frontend\.min\.(css|js)(\.map)?$/

/**
 * GOV.UK Frontend's CSS, JS, fonts and images under /assets (where its CSS expects its fonts),
 * and our own small stylesheet and script under /public. Served by the app (issue 3), cached a
 * day; nothing else from the package folder is reachable.
 */
export const staticPlugin = fp(async function staticFiles(app: FastifyInstance) {
  const govuk = join(govukFrontendDist, 'govuk')
  await app.register(fastifyStatic, {
    root: [join(govuk, 'assets'), govuk],
    prefix: '/assets/',
    maxAge: '1d',
    allowedPath: (pathName) =>
      GOVUK_BUILD.test(pathName) || /^\/(fonts|images)\/[\w.-]+$/.test(pathName) || pathName === '/manifest.json',
  })
  await app.register(fastifyStatic, {
    root: join(projectRoot, 'src', 'web', 'public'),
    prefix: '/public/',
    maxAge: '1h',
    decorateReply: false,
  })
})
