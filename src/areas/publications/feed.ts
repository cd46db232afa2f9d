import { formatLongDate } from '../../rules/calendar/dates.js'
import { KIND_LABELS } from './kinds.js'
import { publicationPaths } from './paths.js'
import { headlineGradeText } from './presenters.js'
import type { Publication } from './types.js'

/** Escape text for XML content and attribute values. */
function xml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!,
  )
}

/**
 * The Atom feed of published reports and letters (RFC 4287): one entry per publication, newest
 * first, each linking its page (alternate) and its PDF (enclosure, with its length). Entry ids
 * are the publication's own random id as a URN, so they never change when the address does.
 * `updated` for the feed is the latest publication's time (or `now` for an empty feed).
 */
export function atomFeed(publications: readonly Publication[], options: { baseUrl: string; now: Date }): string {
  const base = options.baseUrl.replace(/\/$/, '')
  const absolute = (path: string) => `${base}${path}`
  const updated = (publications[0]?.publishedAt ?? options.now).toISOString()
  const entries = publications.map((publication) => {
    const page = absolute(publicationPaths.show.build({ publicationId: publication.id }))
    const pdf = absolute(publicationPaths.pdf.build({ publicationId: publication.id }))
    const grade = headlineGradeText(publication)
    const summary = [
      `${KIND_LABELS[publication.kind]} for ${publication.laName}, published ${formatLongDate(publication.publishedOn)}.`,
      grade ? `${grade}.` : undefined,
    ]
      .filter(Boolean)
      .join(' ')
    return [
      '  <entry>',
      `    <id>urn:uuid:${publication.id}</id>`,
      `    <title>${xml(publication.title)}</title>`,
      `    <updated>${publication.publishedAt.toISOString()}</updated>`,
      `    <published>${publication.publishedAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xml(page)}"/>`,
      `    <link rel="enclosure" type="application/pdf" length="${publication.pdf.size}" title="${xml(publication.title)} (PDF)" href="${xml(pdf)}"/>`,
      `    <category term="${publication.kind}" label="${xml(KIND_LABELS[publication.kind])}"/>`,
      `    <category term="la-${publication.laCode}" label="${xml(publication.laName)}"/>`,
      `    <summary type="text">${xml(summary)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(absolute(publicationPaths.feed.build({})))}</id>`,
    '  <title>Ofsted: published inspections of local authority children’s services</title>',
    `  <updated>${updated}</updated>`,
    '  <author><name>Ofsted</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xml(absolute(publicationPaths.feed.build({})))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(absolute(publicationPaths.list.build({})))}"/>`,
    '  <rights>Open Government Licence v3.0</rights>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
