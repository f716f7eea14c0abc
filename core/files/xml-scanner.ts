// A tiny, tolerant XML scanner: enough for GPX and TCX, where DOMParser does not exist (service
// workers) and real files are sometimes cut short or slightly malformed. It reports start tags,
// end tags and, on request, text; it never builds a tree and never throws.

export interface XmlHandler {
  /** Start tag; `name` is the local name (prefix removed); `attrs` is the raw attribute text. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text content (entities decoded); called only while `wantText` is true. */
  text(value: string): void;
  wantText: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/** The value of attribute `name` (local name match) in raw attribute text, entities decoded. */
const attrRes = new Map<string, RegExp>();

export function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name.replace(/[^\w]/g, '')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrRes.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? '');
}

export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (h.wantText && textEnd > pos) h.text(decodeEntities(xml.slice(pos, textEnd)));
    if (lt < 0) return;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) return;
        pos = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) return;
        if (h.wantText) h.text(xml.slice(lt + 9, e));
        pos = e + 3;
      } else {
        const e = xml.indexOf('>', lt + 2);
        if (e < 0) return;
        pos = e + 1;
      }
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return;
      pos = e + 2;
      continue;
    }
    if (c1 === 0x2f /* / */) {
      const e = xml.indexOf('>', lt + 2);
      if (e < 0) return;
      h.close(localName(xml.slice(lt + 2, e).trim()));
      pos = e + 1;
      continue;
    }
    // Start tag: find its end, skipping '>' inside quoted attribute values.
    let i = lt + 1;
    let quote = 0;
    for (; i < n; i++) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
      else if (c === 0x3c /* < */) break; // malformed: a tag that never closed
    }
    if (i >= n) return;
    if (xml.charCodeAt(i) === 0x3c) {
      pos = i;
      continue;
    }
    let body = xml.slice(lt + 1, i);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    const sp = body.search(/\s/);
    const qname = sp < 0 ? body : body.slice(0, sp);
    const name = localName(qname);
    if (name) {
      h.open(name, sp < 0 ? '' : body.slice(sp), selfClosing);
      if (selfClosing) h.close(name);
    }
    pos = i + 1;
  }
}

/** What a reader of one XML format (GPX, TCX) does with the elements `scanXmlElements` finds. */
export interface XmlElementReader<K extends string> {
  /**
   * A start tag; `parent` is the innermost open element (undefined at the top). Returns which
   * text to collect from here on, or nothing.
   */
  open(name: string, parent: string | undefined, attrs: string, selfClosing: boolean): K | null | undefined | void;
  /** The collected text (trimmed), for the key the start tag returned; called at the end tag that ends it. */
  text(key: K, value: string): void;
  /** An end tag (a self-closing tag gives one too), after `text` for the text it ends. */
  close(name: string): void;
}

/**
 * Scans XML keeping the stack of open elements, tolerant of missing end tags (an end tag closes
 * everything opened since its start tag), and collects one element's text at a time for the
 * reader: from the start tag whose `open` asked for it to the next end tag, or, with
 * `textEndsAt`, to the next end tag of one of those names.
 */
export function scanXmlElements<K extends string>(
  xml: string,
  reader: XmlElementReader<K>,
  textEndsAt?: ReadonlySet<string>,
): void {
  const stack: string[] = [];
  // How many of each name are open: an end tag of a name that is not open costs nothing, so
  // a file of unmatched end tags under deep nesting stays linear (no search down the stack).
  const openCount = new Map<string, number>();
  let key: K | null = null;
  let text = '';
  const h: XmlHandler = {
    wantText: false,
    open(name, attrs, selfClosing) {
      const parent = stack[stack.length - 1];
      // GPX and TCX nest a few levels; deeper elements are kept out of the stack (still reported).
      if (!selfClosing && stack.length < MAX_XML_DEPTH) {
        stack.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      }
      const k = reader.open(name, parent, attrs, selfClosing);
      if (k) {
        key = k;
        text = '';
        h.wantText = true;
      }
    },
    close(name) {
      if ((openCount.get(name) ?? 0) > 0) {
        // Closes everything opened since its start tag; each element is popped once in all.
        for (;;) {
          const top = stack.pop()!;
          openCount.set(top, openCount.get(top)! - 1);
          if (top === name) break;
        }
      }
      if (key && (!textEndsAt || textEndsAt.has(name))) {
        const k: K = key;
        key = null;
        h.wantText = false;
        reader.text(k, text.trim());
      }
      reader.close(name);
    },
    text(v) {
      // One element's text is a number, a time or a name: a megabyte of it is not a track.
      if (text.length < MAX_XML_TEXT) text += v.slice(0, MAX_XML_TEXT - text.length);
    },
  };
  scanXml(xml, h);
}

/** Deepest element stack kept; real GPX and TCX files nest under 15 levels. */
export const MAX_XML_DEPTH = 64;
/** Longest text kept for one element. */
const MAX_XML_TEXT = 64 * 1024;

/** Decodes XML bytes: UTF-8 unless a BOM or the declaration says UTF-16 or Latin-1. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  const enc = m?.[1]?.toLowerCase();
  if (enc && (enc === 'iso-8859-1' || enc === 'latin1' || enc === 'windows-1252' || enc === 'latin-1')) {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}
