/** Decoding the text inside SpreadsheetML elements. */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
// OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes _x000D_ for a carriage return).
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

function codePoint(hex: string | undefined, dec: string | undefined): string {
  const value = hex !== undefined ? parseInt(hex, 16) : Number(dec)
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd'
}

/** XML character and entity references, then OOXML `_xHHHH_` escapes. */
export function decodeXmlText(raw: string): string {
  let text = raw
  if (text.includes('&'))
    text = text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      name ? NAMED[name]! : codePoint(hex, dec),
    )
  if (text.includes('_x')) text = text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return text
}

/** Escape text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
}

/** The attributes of one start tag, e.g. `<sheet name="List_1" r:id="rId1"/>`. */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found.set(match[1]!, decodeXmlText(match[2] ?? match[3] ?? ''))
  return found
}

/** Every start tag named `name` (with any namespace prefix) in a small XML part. */
export function startTags(xml: string, name: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g')
  return [...xml.matchAll(pattern)].map((m) => attributes(m[0]))
}
