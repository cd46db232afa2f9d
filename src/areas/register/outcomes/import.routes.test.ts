import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../../test-support/build-test-app.js'
import { json } from '../../../test-support/cli.js'
import { createUser } from '../../../test-support/factories/users.js'

// The administrator's upload of Ofsted's outcomes (issue 14), against a register with none imported.
const FILE = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
const content = readFileSync(join('data', 'ofsted-outcomes', FILE))
let t: TestApp
let cli: Record<string, unknown>

beforeAll(async () => {
  t = await buildTestApp()
  // What the CLI answers for the same file, in a new embedded database of its own.
  const dataDir = mkdtempSync(join(tmpdir(), 'ilacs-import-page-'))
  const saved = { dataDir: process.env.DATA_DIR, url: process.env.DATABASE_URL }
  try {
    process.env.DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    cli = json('register', 'import', join('data', 'ofsted-outcomes', FILE), '--dry-run') as Record<string, unknown>
  } finally {
    if (saved.dataDir === undefined) delete process.env.DATA_DIR
    else process.env.DATA_DIR = saved.dataDir
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 180_000)
afterAll(async () => t.close())

const upload = (agent: TestAgent, name: string, bytes: Buffer) =>
  agent.upload('/admin/register-import', {}, { field: 'file', name, content: bytes })

const counts = (response: Awaited<ReturnType<TestAgent['get']>>) => {
  const shown = page(response)
  return Object.fromEntries(
    shown
      .$('.govuk-summary-list__row')
      .map((_, row) => [[shown.$(row).find('dt').text().trim(), shown.$(row).find('dd').text().trim()]])
      .get() as Array<[string, string]>,
  )
}

describe('importing Ofsted’s outcomes from the administrator’s page (issue 14)', () => {
  it('shows the dry run’s diff, the same as the CLI’s, then imports on confirmation, once', async () => {
    const admin = await createUser(t.db, 'administrator')
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    const form = page(await agent.get('/admin/register-import'))
    expect(form.heading).toBe('Import Ofsted’s published outcomes')
    expect(form.$('input[type="file"][name="file"]').attr('accept')).toBe('.ods,.xlsx,.csv')

    const uploaded = await upload(agent, FILE, content)
    expect(uploaded.statusCode).toBe(303)
    const diff = await agent.get(uploaded.headers.location as string)
    expect(counts(diff)).toEqual({
      'Records to add': String(cli.created),
      'Records to complete or change': String(cli.updated),
      'Already in the register': String(cli.unchanged),
      'Conflicts to settle': String((cli.conflicts as unknown[]).length),
      'Rows not read': String((cli.unread as unknown[]).length),
      'Rows that say otherwise': String((cli.disagreements as unknown[]).length),
    })
    expect(cli.created).toBe(333)
    // The upload waits in the file store (shared by every instance, ADR 0020); nothing is imported until it is confirmed.
    expect(uploaded.headers.location).toMatch(/^\/admin\/register-import\?upload=[0-9a-f]{64}&name=LA_Inspection/)
    expect(await t.db.selectFrom('judgement_records').select('id').execute()).toEqual([])

    const confirm = page(diff).$('form[action="/admin/register-import/confirm"]')
    const imported = await agent.post('/admin/register-import/confirm', {
      upload: confirm.find('input[name="upload"]').attr('value')!,
      name: confirm.find('input[name="name"]').attr('value')!,
    })
    expect(imported.statusCode).toBe(303)
    const after = await agent.get(imported.headers.location as string)
    expect(page(after).$('.govuk-notification-banner--success').text()).toContain(`${FILE} is imported`)
    expect(counts(after)).toMatchObject({ 'Records to add': '0', 'Already in the register': '333' })
    expect(page(after).$('form[action="/admin/register-import/confirm"]').length).toBe(0)
    const audited = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('actor_id', '=', admin.id)
      .where('action', '=', 'register.import')
      .execute()
    expect(audited).toHaveLength(1)
    // Confirmed, so the retention of unconfirmed uploads leaves it.
    const kept = await t.db.selectFrom('register_import_uploads').select(['file_name', 'confirmed_at']).execute()
    expect(kept).toEqual([{ file_name: FILE, confirmed_at: expect.any(Date) }])
  }, 120_000)

  it('refuses a file of another kind, and a confirmation with no upload behind it', async () => {
    const admin = await createUser(t.db, 'administrator')
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    await agent.get('/admin/register-import')
    const wrong = await upload(agent, 'outcomes.pdf', Buffer.from('%PDF-1.4'))
    expect(wrong.statusCode).toBe(400)
    expect(page(wrong).errorSummary[0]!.text).toBe(
      'The file must be an .ods, .xlsx or .csv file, as Ofsted publishes them',
    )
    await agent.get('/admin/register-import')
    const none = await agent.post('/admin/register-import/confirm', { upload: '0'.repeat(64), name: FILE })
    expect(none.statusCode).toBe(400)
    expect(page(none).errorSummary[0]!.text).toBe('The file to import was not found: upload it again')
  })

  it('is for administrators only', async () => {
    const hmi = await createUser(t.db, 'hmi')
    const agent = await new TestAgent(t.app).signIn(hmi.email, hmi.password)
    expect((await agent.get('/admin/register-import')).statusCode).toBe(403)
  })
})
