/**
 * Starts bench/pages-server.ts in a process of its own (issue 16: a load generator inside the
 * server's process measures itself) and talks to it: what it is ready with, its resident
 * memory on demand, and stopping it. Shared by the pages bench and the soak.
 */
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROLES } from '../src/auth/roles.js'

export interface Ready {
  port: number
  database: string
  publications: string
  sessions: Record<string, string>
  /** Each role's cookies as its browser sends them: the session and the CSRF secret (filled in here). */
  cookies: Record<string, string>
  brighton?: string
  eastSussex?: string
  annexReturn: { activityId: string; returnId: string }
  bigReturnSeconds: number
  memory: Record<string, number>
  startSeconds: number
}

export interface PagesServer {
  readonly ready: Ready
  /** `http://127.0.0.1:<port>` */
  readonly base: string
  /** The server process's resident memory, in MB. */
  memoryMb(): Promise<number>
  /** What the server's objects hold after a full garbage collection (heap used and external), in MB. */
  liveMemoryMb(): Promise<number>
  /** The share of one core the server used over half a second, in per cent. */
  cpuPercent(): Promise<number>
  stop(): Promise<void>
}

export async function startPagesServer(): Promise<PagesServer> {
  const here = dirname(fileURLToPath(import.meta.url))
  const child = fork(join(here, 'pages-server.ts'), [], {
    // BENCH_CPU_PROF=<folder>: the server writes a CPU profile there when it stops.
    execArgv: [
      '--import',
      'tsx',
      // For `liveMemoryMb`: the soak collects garbage before it weighs what is left.
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const [ready] = (await once(child, 'message')) as [Ready]
  const base = `http://127.0.0.1:${ready.port}`
  // A browser sends back the CSRF secret's cookie the first page set; without it every page
  // would make a new secret, and set its cookie, on every request.
  for (const [role, token] of Object.entries(ready.sessions)) {
    const first = await fetch(`${base}/`, { headers: { cookie: `ilacs_session=${token}` }, redirect: 'manual' })
    await first.arrayBuffer()
    const csrf = first.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .find((c) => c?.startsWith('_csrf='))
    ready.cookies[role] = [`ilacs_session=${token}`, ...(csrf ? [csrf] : [])].join('; ')
  }
  let asking: Promise<unknown> = Promise.resolve()
  /** One question at a time: the answers carry no id. */
  function ask(question: string, field: string): Promise<number> {
    const answer = asking.then(async () => {
      child.send(question)
      const [reply] = (await once(child, 'message')) as [Record<string, number>]
      return reply[field]!
    })
    asking = answer.catch(() => undefined)
    return answer
  }
  return {
    ready,
    base,
    memoryMb: () => ask('memory', 'memoryMb'),
    liveMemoryMb: () => ask('live-memory', 'liveMb'),
    cpuPercent: () => ask('cpu', 'cpuPercent'),
    async stop() {
      child.send('stop')
      await once(child, 'exit')
    },
  }
}

export interface SignedInPage {
  readonly name: string
  readonly role: string
  /** Undefined when the demo data has nothing to show on it. */
  readonly path: string | undefined
}

/** The cookies of the demo account of `role`: its session and its CSRF secret. */
export const sessionCookie = (ready: Ready, role: string) =>
  ready.cookies[role] ?? `ilacs_session=${ready.sessions[role]}`

/** Every signed-in page type issue 16 names, each as the role that uses it most sees it. */
export function signedInPages(ready: Ready): SignedInPage[] {
  return [
    ...ROLES.map((role) => ({ name: `home (${role})`, role, path: '/' })),
    { name: 'register', role: 'hmi', path: '/register' },
    { name: 'LA page', role: 'hmi', path: '/register/846' },
    { name: 'programme', role: 'national-director', path: '/programme' },
    { name: 'activity', role: 'hmi', path: ready.brighton && `/activities/${ready.brighton}` },
    {
      name: 'Annex A findings (20,000 rows)',
      role: 'hmi',
      path: `/activities/${ready.annexReturn.activityId}/annex-a/returns/${ready.annexReturn.returnId}`,
    },
    { name: 'evidence', role: 'hmi', path: ready.brighton && `/activities/${ready.brighton}/evidence` },
    { name: 'report', role: 'national-director', path: ready.eastSussex && `/activities/${ready.eastSussex}/report` },
  ]
}
