/**
 * A mail written once as blocks (paragraphs, headings, lists, tables, links) and rendered twice: plain text
 * and simple HTML with inline styles (what mail clients keep), every text escaped.
 */

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export type MailBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly strong?: boolean }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly items: ReadonlyArray<string>; readonly ordered?: boolean }
  | {
      readonly kind: 'table';
      readonly columns: ReadonlyArray<MailColumn>;
      readonly rows: ReadonlyArray<ReadonlyArray<string>>;
      readonly total?: ReadonlyArray<string>;
    }
  | { readonly kind: 'link'; readonly label: string; readonly url: string };

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Only web links become anchors: a `javascript:` or `data:` URL from bad configuration never does. */
function isWebUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function textTable(block: Extract<MailBlock, { kind: 'table' }>): string {
  const all = [block.columns.map((column) => column.header), ...block.rows, ...(block.total ? [block.total] : [])];
  const widths = block.columns.map((_, index) => Math.max(...all.map((row) => (row[index] ?? '').length)));
  const line = (cells: ReadonlyArray<string>) =>
    block.columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const lines = [line(all[0] ?? []), rule, ...block.rows.map(line)];
  if (block.total) lines.push(rule, line(block.total));
  return lines.join('\n');
}

function textBlock(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${item}`).join('\n');
    case 'table':
      return textTable(block);
    case 'link':
      return `${block.label}\n${block.url}`;
  }
}

const CELL = 'padding:4px 8px;';

function htmlTable(block: Extract<MailBlock, { kind: 'table' }>): string {
  const cell = (tag: 'th' | 'td', text: string, align: string, extra = '') =>
    `<${tag} style="${CELL}text-align:${align};${extra}">${escapeHtml(text)}</${tag}>`;
  const head = block.columns
    .map((column) => cell('th', column.header, column.align, 'border-bottom:1px solid #999;'))
    .join('');
  const rows = block.rows.map(
    (row, rowIndex) =>
      `<tr${rowIndex % 2 === 1 ? ' style="background:#f1f3f5;"' : ''}>${block.columns
        .map((column, index) => cell('td', row[index] ?? '', column.align))
        .join('')}</tr>`,
  );
  const total = block.total
    ? `<tr>${block.columns
        .map((column, index) =>
          cell('td', block.total?.[index] ?? '', column.align, 'border-top:1px solid #999;font-weight:bold;'),
        )
        .join('')}</tr>`
    : '';
  return `<table style="border-collapse:collapse;width:100%;font-size:13px;margin:0 0 16px;"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}${total}</tbody></table>`;
}

function htmlBlock(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph': {
      const text = escapeHtml(block.text);
      return `<p style="margin:0 0 12px;">${block.strong ? `<strong>${text}</strong>` : text}</p>`;
    }
    case 'heading':
      return `<h2 style="font-size:16px;margin:20px 0 8px;">${escapeHtml(block.text)}</h2>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
      return `<${tag} style="margin:0 0 12px;padding-left:24px;">${items}</${tag}>`;
    }
    case 'table':
      return htmlTable(block);
    case 'link':
      return isWebUrl(block.url)
        ? `<p style="margin:16px 0;"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:8px 14px;background:#1a4d8f;color:#ffffff;text-decoration:none;border-radius:4px;">${escapeHtml(block.label)}</a></p>`
        : `<p style="margin:0 0 12px;">${escapeHtml(block.label)}<br>${escapeHtml(block.url)}</p>`;
  }
}

export function composeMail(rawSubject: string, blocks: ReadonlyArray<MailBlock>, locale: string): MailContent {
  // A line break in a subject would start a new mail header (header injection): never let one through.
  const subject = rawSubject.replace(/[\r\n]+/g, ' ');
  const text = `${blocks.map(textBlock).join('\n\n')}\n`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1a1a1a;">',
    `<div style="max-width:680px;">${blocks.map(htmlBlock).join('')}</div>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
