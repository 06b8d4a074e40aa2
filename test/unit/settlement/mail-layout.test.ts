import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml } from '../../../shared/settlement/mail-layout.ts';

describe('mail layout', () => {
  it('renders the same blocks as text and as escaped HTML', () => {
    const mail = composeMail(
      'Sujet',
      [
        { kind: 'paragraph', text: 'Chez <Léon> & "fils"' },
        { kind: 'heading', text: 'Titre' },
        { kind: 'list', items: ['un', 'deux'], ordered: true },
        {
          kind: 'table',
          columns: [
            { header: 'Nom', align: 'left' },
            { header: 'Montant', align: 'right' },
          ],
          rows: [
            ['A', '1,00 €'],
            ['Bbbbbb', '100,00 €'],
          ],
          total: ['Total', '101,00 €'],
        },
      ],
      'fr-BE',
    );
    expect(mail.text).toBe(
      [
        'Chez <Léon> & "fils"',
        '',
        'Titre\n-----',
        '',
        '1. un\n2. deux',
        '',
        'Nom      Montant\n------  --------\nA         1,00 €\nBbbbbb  100,00 €\n------  --------\nTotal   101,00 €',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('Chez &lt;Léon&gt; &amp; &quot;fils&quot;');
    expect(mail.html).not.toContain('<Léon>');
    expect(mail.html).toContain('<html lang="fr-BE">');
    expect(mail.html).toContain('<ol style=');
    expect(mail.html).toMatch(/<td style="[^"]*text-align:right;[^"]*">100,00 €<\/td>/);
  });

  it('never lets a line break into the subject', () => {
    expect(composeMail('Lot 1\r\nBcc: x@example.org', [], 'fr').subject).toBe('Lot 1 Bcc: x@example.org');
  });

  it('makes anchors of web links only', () => {
    const web = composeMail('s', [{ kind: 'link', label: 'Ouvrir', url: 'https://app.example/runs/1?a=1&b=2' }], 'fr');
    expect(web.html).toContain('<a href="https://app.example/runs/1?a=1&amp;b=2"');
    expect(web.text).toContain('Ouvrir\nhttps://app.example/runs/1?a=1&b=2');
    const script = composeMail('s', [{ kind: 'link', label: 'Ouvrir', url: 'javascript:alert(1)' }], 'fr');
    expect(script.html).not.toContain('<a ');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
