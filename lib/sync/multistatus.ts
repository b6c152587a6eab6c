/**
 * Reads a WebDAV `207 Multi-Status` reply (RFC 4918 §14.16) into the entries
 * sync needs: each resource's href, ETag and whether it is a folder.
 *
 * Hand-written rather than `DOMParser` because DOMParser does not exist in a
 * service worker (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/basics),
 * and rather than a library because the need is small: a multistatus is a
 * flat, machine-written document. The parser still does what XML requires for
 * it: namespaces are resolved by URI (Apache writes `lp1:getetag`, Nextcloud
 * `d:getetag`, others a default namespace), entities and character
 * references are decoded (`&quot;` in Nextcloud's ETags), comments, CDATA,
 * processing instructions and a doctype are skipped. It never throws on
 * odd input; it returns what it could read.
 */

/** One resource of a multistatus reply. */
export interface DavEntry {
  /** The href as sent (percent-encoded path or full URL). */
  href: string;
  /** The ETag with its quotes and any `W/` prefix, as a header would carry it; `null` if not reported. */
  etag: string | null;
  collection: boolean;
  /** `getlastmodified`, as sent, or `null`. */
  lastModified: string | null;
}

const DAV = 'DAV:';

interface Element {
  ns: string;
  name: string;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else is kept as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML into a tree of elements with namespace URIs; malformed parts are skipped. */
function parseXml(xml: string): Element | undefined {
  const root: Element = { ns: '', name: '#root', children: [], text: '' };
  const stack: { element: Element; scope: Map<string, string> }[] = [{ element: root, scope: new Map([['xml', 'xml']]) }];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) break;
    if (lt > i) top.element.text += decodeXmlText(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      top.element.text += xml.slice(lt + 9, end < 0 ? xml.length : end);
      i = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt, '?>');
    else if (xml.startsWith('<!', lt)) i = skipPast(xml, lt, '>');
    else {
      TAG.lastIndex = lt;
      const match = TAG.exec(xml);
      if (!match) {
        i = lt + 1; // a stray `<`: not markup we can read
        continue;
      }
      i = TAG.lastIndex;
      const [, closing, qname = '', attributes = '', selfClosing] = match;
      if (closing) {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const scope = new Map(top.scope);
      for (const [, key = '', double, single] of attributes.matchAll(ATTRIBUTE)) {
        const value = decodeXmlText(double ?? single ?? '');
        if (key === 'xmlns') scope.set('', value);
        else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
      }
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const element: Element = { ns: scope.get(prefix) ?? '', name: qname.slice(colon + 1), children: [], text: '' };
      top.element.children.push(element);
      if (!selfClosing) stack.push({ element, scope });
    }
  }
  return root.children[0];
}

function skipPast(xml: string, from: number, end: string): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}

const davChildren = (element: Element, name: string) => element.children.filter((c) => c.ns === DAV && c.name === name);
const davChild = (element: Element, name: string) => davChildren(element, name)[0];

/**
 * The resources listed in a multistatus body, with the properties found in
 * their `200` propstat (a `404` propstat lists properties the server lacks).
 * An empty list if the body is not a DAV multistatus.
 */
export function parseMultistatus(xml: string): DavEntry[] {
  const root = parseXml(xml);
  if (!root || root.ns !== DAV || root.name !== 'multistatus') return [];
  const entries: DavEntry[] = [];
  for (const response of davChildren(root, 'response')) {
    const href = davChild(response, 'href')?.text.trim();
    if (!href) continue;
    const entry: DavEntry = { href, etag: null, collection: false, lastModified: null };
    for (const propstat of davChildren(response, 'propstat')) {
      const status = davChild(propstat, 'status')?.text ?? '';
      if (!/^\s*HTTP\/\d(\.\d)?\s+2\d\d/.test(status)) continue;
      const prop = davChild(propstat, 'prop');
      if (!prop) continue;
      const etag = davChild(prop, 'getetag')?.text.trim();
      if (etag) entry.etag = etag;
      const modified = davChild(prop, 'getlastmodified')?.text.trim();
      if (modified) entry.lastModified = modified;
      const type = davChild(prop, 'resourcetype');
      if (type && davChild(type, 'collection')) entry.collection = true;
    }
    entries.push(entry);
  }
  return entries;
}
