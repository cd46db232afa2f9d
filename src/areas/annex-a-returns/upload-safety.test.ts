import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook, checkedReturn } from '../../test-support/factories/annex-a.js'
import { createUser } from '../../test-support/factories/users.js'

// The test app's clock: Monday 23 November 2026, 10:00. Each person may upload two files an hour.
let t: TestApp
let clean: Buffer
let laCodes: string[] = []
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

beforeAll(async () => {
  t = await buildTestApp({ env: { UPLOADS_PER_HOUR: '2' } })
  clean = await annexAWorkbook({ rows: 100, asOf: '2026-11-23', seed: 5 })
  laCodes = (await t.app.services.register.localAuthorities()).map((la) => la.laCode)
})
afterAll(async () => t.close())

async function inspection() {
  const laCode = laCodes.shift()!
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    onsiteStart: '2026-11-30',
    plannedAt: '2026-11-16T10:00:00Z',
    noticeAt: '2026-11-23T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  return { analyst, activityId }
}

/** Mark an activity published on `at` (the publications area's end state). */
async function publishedOn(activityId: string, at: string) {
  await t.db.updateTable('activities').set({ status: 'published' }).where('id', '=', activityId).execute()
  await t.db
    .insertInto('activity_status_changes')
    .values({ activity_id: activityId, from_status: 'report-stage', to_status: 'published', changed_at: new Date(at) })
    .execute()
}

describe('uploads are checked before they are kept', () => {
  it('refuses a random 199 MiB “.xlsx” at its first bytes, keeping nothing', async () => {
    const { analyst } = await inspection()
    const principal = (await principalFor(t.db, analyst.id))!
    let pulled = 0
    const total = 199 * 1024 * 1024
    const stream = Readable.from(
      (function* () {
        while (pulled < total) {
          pulled += 64 * 1024
          yield randomBytes(64 * 1024)
        }
      })(),
    )
    const error = await t.app.services.annexA
      .storeReturnFile(principal, { fileName: 'Annex A.xlsx', stream })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ fieldErrors: { file: expect.stringContaining('is not an Excel workbook') } })
    expect(pulled).toBeLessThan(2 * 1024 * 1024)
    // Nothing on disk, nor (with the database store, as on PostgreSQL) in the database.
    expect(await readdir(join(t.config.dataDir, 'files', 'tmp')).catch(() => [])).toEqual([])
    const chunks = t.db.selectFrom('file_blob_chunks').select('blob_key').where('blob_key', 'like', 'tmp-%')
    expect(await chunks.execute()).toEqual([])
  })

  it('limits how many files one person uploads in an hour', async () => {
    const { analyst, activityId } = await inspection()
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const document = (name: string) => ({ field: 'document', name, content: clean, type: xlsx })
    for (const name of ['1.01 Structure.xlsx', '1.02 Delegation.xlsx']) {
      await agent.get(`/activities/${activityId}/annex-a`)
      expect(
        (await agent.upload(`/activities/${activityId}/annex-a/documents`, { item: '' }, document(name))).statusCode,
      ).toBe(303)
    }
    await agent.get(`/activities/${activityId}/annex-a`)
    const third = await agent.upload(
      `/activities/${activityId}/annex-a/documents`,
      { item: '' },
      document('1.03 MI.xlsx'),
    )
    expect(third.statusCode).toBe(400)
    expect(page(third).errorSummary[0]!.text).toContain('You have uploaded 2 files in the last hour')
  })
})

describe('uploads are not kept for ever', () => {
  it('clears what interrupted uploads left in the temporary folder at start', async () => {
    const tmp = join(t.config.dataDir, 'files', 'tmp')
    await mkdir(tmp, { recursive: true })
    await writeFile(join(tmp, 'partial-upload'), 'half a workbook')
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000)
    await utimes(join(tmp, 'partial-upload'), anHourAgo, anHourAgo)
    await writeFile(join(tmp, 'upload-in-progress'), 'being written now')
    await t.app.services.uploadRetention.start()
    t.app.services.uploadRetention.stop()
    expect(await readdir(tmp)).toEqual(['upload-in-progress'])
    // The app is shared by this file's tests: leave the folder as it was found.
    await rm(join(tmp, 'upload-in-progress'))
  })

  it('deletes raw uploads the set period after publication, saying so in the audit log', async () => {
    const old = await inspection()
    const recent = await inspection()
    const oldReturn = await checkedReturn(t.db, t.app.services, {
      activityId: old.activityId,
      uploaderId: old.analyst.id,
      content: randomise(clean),
      fileName: 'Old.xlsx',
    })
    await checkedReturn(t.db, t.app.services, {
      activityId: recent.activityId,
      uploaderId: recent.analyst.id,
      content: randomise(clean),
      fileName: 'Recent.xlsx',
    })
    const before = (await t.app.services.annexA.versions(old.activityId))[0]!
    await publishedOn(old.activityId, '2026-06-01T10:00:00Z')
    await publishedOn(recent.activityId, '2026-11-02T10:00:00Z')

    expect(await t.app.services.uploadRetention.deleteExpired()).toEqual({ returns: 1, documents: 0, importUploads: 0 })
    expect(await t.app.services.blobs.exists(before.files[0]!.hash)).toBe(false)
    const after = (await t.app.services.annexA.versions(old.activityId))[0]!
    expect(after.filesDeletedAt).not.toBeNull()
    expect(after.hasReport).toBe(false)
    const logged = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label', 'summary'])
      .where('record_id', '=', oldReturn)
      .where('action', '=', 'annex-a.files-deleted')
      .execute()
    expect(logged).toHaveLength(1)
    expect(logged[0]!.summary).toContain('after publication on 2026-06-01 (kept 90 days)')
    const kept = (await t.app.services.annexA.versions(recent.activityId))[0]!
    expect(kept.filesDeletedAt).toBeNull()
    expect(await t.app.services.blobs.exists(kept.files[0]!.hash)).toBe(true)
  })
})

/** The same workbook with other bytes (a different zip comment), so it is stored apart. */
function randomise(workbook: Buffer): Buffer {
  const copy = Buffer.from(workbook)
  // The end-of-central-directory record's comment length is 0; append a comment of 8 bytes.
  copy.writeUInt16LE(8, copy.length - 2)
  return Buffer.concat([copy, Buffer.from(randomBytes(4).toString('hex'))])
}
