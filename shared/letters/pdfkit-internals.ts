/**
 * The few things mass letters need that pdfkit 0.20 has no public API for, written against its internals
 * in this one module (pinned by package.json; the rendering tests rasterise the result and would fail
 * if an upgrade changed them): Form XObjects, pages released once written, an image embedded once, a
 * bounded font layout cache.
 */
import type PDFDocument from 'pdfkit';

type Doc = typeof PDFDocument;
type Reference = ReturnType<Doc['ref']>;
type Dictionary = Record<string, unknown>;

/** What pdfkit's drawing and text code reads of `doc.page` (see PDFPage in pdfkit's source). */
interface PageLike {
  readonly width: number;
  readonly height: number;
  readonly margins: { top: number; left: number; bottom: number; right: number };
  readonly fonts: Dictionary;
  readonly xobjects: Dictionary;
  readonly ext_gstates: Dictionary;
  readonly patterns: Dictionary;
  readonly colorSpaces: Dictionary;
  readonly contentWidth: number;
  readonly contentHeight: number;
  maxY(): number;
  write(chunk: string | Uint8Array): void;
}

interface DocumentInternals {
  page: PageLike;
  _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }>;
  _ctm: number[];
  _root: { data: { Pages: { data: { Kids: Reference[] } } } };
  openImage(data: Uint8Array): PdfImage;
  image(image: PdfImage, x: number, y: number, options: { fit?: [number, number]; width?: number }): void;
}

/** An image opened (and embedded at first use) once per document. */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
}

function internals(doc: Doc): DocumentInternals {
  return doc as unknown as DocumentInternals;
}

/**
 * Content drawn once and shown on many pages (a PDF Form XObject): the letter's fixed text, the shop
 * list on the back. A page that shows it costs a dozen bytes instead of the content itself.
 */
export interface PdfTemplate {
  readonly name: string;
  readonly ref: Reference;
  readonly height: number;
}

/**
 * Records what `draw` does with pdfkit's ordinary drawing and text calls into a template of the given size
 * (points), using the page's top-left coordinates. `doc.page` is swapped for the template while drawing.
 */
export function drawTemplate(doc: Doc, name: string, width: number, height: number, draw: () => void): PdfTemplate {
  const resources: Record<string, Dictionary | string[]> = {
    ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'],
    Font: {},
    XObject: {},
    ExtGState: {},
    Pattern: {},
    ColorSpace: {},
  };
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [0, 0, width, height],
    Resources: resources,
  });
  const dictionary = (key: string): Dictionary => resources[key] as Dictionary;
  const page: PageLike = {
    width,
    height,
    margins: { top: 0, left: 0, bottom: 0, right: 0 },
    fonts: dictionary('Font'),
    xobjects: dictionary('XObject'),
    ext_gstates: dictionary('ExtGState'),
    patterns: dictionary('Pattern'),
    colorSpaces: dictionary('ColorSpace'),
    contentWidth: width,
    contentHeight: height,
    maxY: () => height,
    write: (chunk) => ref.write(chunk),
  };
  const inside = internals(doc);
  const savedPage = inside.page;
  const savedCtm = inside._ctm;
  inside.page = page;
  inside._ctm = [1, 0, 0, 1, 0, 0];
  try {
    // The same flip pdfkit puts at the start of every page, so drawing code works in page coordinates.
    doc.transform(1, 0, 0, -1, 0, height);
    draw();
  } finally {
    inside.page = savedPage;
    inside._ctm = savedCtm;
  }
  ref.end(undefined); // the content is written: finish the object
  return { name, ref, height };
}

/** Shows a template on the current page, its top-left corner at the page's. */
export function placeTemplate(doc: Doc, template: PdfTemplate): void {
  internals(doc).page.xobjects[template.name] = template.ref;
  // Undo the page's own flip (applying it twice is the identity): the template carries its own.
  doc.addContent(`q 1 0 0 -1 0 ${template.height} cm /${template.name} Do Q`);
}

/**
 * pdfkit keeps every finished page's dictionary (and through it its resources) until the document ends.
 * Only their object numbers are needed then, for the page tree: drop the rest once a page is written, so
 * memory stays flat in the number of letters (a few dozen bytes per page remain).
 */
export function createPageReleaser(doc: Doc): () => void {
  const kids = internals(doc)._root.data.Pages.data.Kids;
  let released = 0;
  return () => {
    // The last kid is the page being drawn; the ones before it were flushed by addPage.
    for (; released < kids.length - 1; released += 1) {
      const kid = kids[released];
      if (kid) (kid as unknown as { data: Dictionary }).data = {};
    }
  };
}

/** Opens a PNG or JPEG once: every later `drawImage` of it reuses the same embedded object. */
export function openImage(doc: Doc, data: Uint8Array): PdfImage {
  return internals(doc).openImage(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

export function drawImage(doc: Doc, image: PdfImage, x: number, y: number, fit: [number, number]): void {
  internals(doc).image(image, x, y, { fit });
}

/**
 * pdfkit caches the shaping of every distinct word per font (shaping is most of the cost of text), for the
 * document's life: names, house numbers and codes would make it grow with every letter. Emptied every few
 * hundred letters, it keeps the words that repeat (greetings, labels) hot and its size bounded.
 */
export function clearFontLayoutCaches(doc: Doc): void {
  for (const font of Object.values(internals(doc)._fontFamilies)) {
    if (font.layoutCache) font.layoutCache = Object.create(null);
  }
}
