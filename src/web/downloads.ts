/**
 * The `Content-Disposition` of every download (issue 10: a file named with "–" or "’" gave a 500,
 * as a header may hold only Latin-1). RFC 6266 with RFC 5987's `filename*`: browsers use the
 * UTF-8 name, and older clients the ASCII `filename` beside it, where anything outside printable
 * ASCII, quotes and backslashes become `_` (dashes and curly quotes their plain forms).
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.replace(/[\r\n\t/\\]+/g, ' ').trim() || 'download'
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d]/g, '_')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
