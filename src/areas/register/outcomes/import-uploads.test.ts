import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../../test-support/build-test-app.js'
import { createUser } from '../../../test-support/factories/users.js'
import { confirmImportUpload, recordImportUpload } from '../earlier.repository.js'

/**
 * An administrator's upload of Ofsted's outcomes that is never confirmed is deleted by the
 * retention job a day after it was uploaded (issue 14); on the test clock it is 23 November 2026, 10:00.
 */
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const store = async (text: string) => (await t.app.services.blobs.put(Readable.from([Buffer.from(text)]))).hash

describe('the retention of unconfirmed uploads for the register import', () => {
  it('deletes an upload left unconfirmed for more than a day, and keeps the recent and the confirmed', async () => {
    const { register, blobs, uploadRetention } = t.app.services
    const stale = await store('uploaded on Sunday morning and left')
    const recent = await store('uploaded on Sunday at noon')
    const confirmed = await store('uploaded and confirmed on Friday')
    const shared = await store('uploaded twice under two names')
    const upload = (hash: string, fileName: string, at: string) =>
      recordImportUpload(t.db, { hash, fileName, uploadedBy: null, at: new Date(at) })
    await upload(stale, 'LA_Inspection_Outcomes_as_at_31_March_2025.ods', '2026-11-22T09:59:00Z')
    await upload(recent, 'LA_Inspection_Outcomes_as_at_31_March_2025.ods', '2026-11-22T10:01:00Z')
    await upload(confirmed, 'Childrens_social_care_in_England_2023_underlying_data.ods', '2026-11-20T09:00:00Z')
    await confirmImportUpload(
      t.db,
      confirmed,
      'Childrens_social_care_in_England_2023_underlying_data.ods',
      new Date('2026-11-20T09:05:00Z'),
    )
    await upload(shared, 'old-name.ods', '2026-11-21T15:00:00Z')
    await upload(shared, 'new-name.ods', '2026-11-23T09:00:00Z')

    expect(await uploadRetention.deleteExpired()).toEqual({ returns: 0, documents: 0, importUploads: 1 })

    expect(await register.importUploadKept(stale, 'LA_Inspection_Outcomes_as_at_31_March_2025.ods')).toBe(false)
    expect(await blobs.exists(stale)).toBe(false)
    expect(await register.importUploadKept(recent, 'LA_Inspection_Outcomes_as_at_31_March_2025.ods')).toBe(true)
    expect(await blobs.exists(recent)).toBe(true)
    expect(await blobs.exists(confirmed)).toBe(true)
    // The same file uploaded again since under another name: that upload keeps it.
    expect(await register.importUploadKept(shared, 'old-name.ods')).toBe(false)
    expect(await register.importUploadKept(shared, 'new-name.ods')).toBe(true)
    expect(await blobs.exists(shared)).toBe(true)

    const logged = await t.db
      .selectFrom('audit_events')
      .select(['record_id', 'summary'])
      .where('action', '=', 'register.import-upload-deleted')
      .orderBy('record_id')
      .execute()
    expect(logged).toEqual([
      {
        record_id: 'LA_Inspection_Outcomes_as_at_31_March_2025.ods',
        summary:
          'Deleted the upload of LA_Inspection_Outcomes_as_at_31_March_2025.ods of 2026-11-22 09:59 UTC: not confirmed within 24 hours',
      },
      {
        record_id: 'old-name.ods',
        summary: 'Deleted the upload of old-name.ods of 2026-11-21 15:00 UTC: not confirmed within 24 hours',
      },
    ])
    // Nothing more to delete the second time.
    expect(await uploadRetention.deleteExpired()).toEqual({ returns: 0, documents: 0, importUploads: 0 })

    // The administrator who comes back to the cleared upload's dry run is asked for the file again.
    const admin = await createUser(t.db, 'administrator')
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    await agent.get('/admin/register-import')
    const gone = await agent.post('/admin/register-import/confirm', { upload: shared, name: 'old-name.ods' })
    expect(gone.statusCode).toBe(400)
    expect(page(gone).errorSummary[0]!.text).toBe('The file to import was not found: upload it again')
  })
})
