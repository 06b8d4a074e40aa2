import { describe, expect, it } from 'vitest';
import { formatEuros } from '../../../shared/money/money.ts';
import { FRENCH_SETTLEMENT_TEXTS as texts } from '../../../shared/settlement/i18n/fr.ts';
import type { SettlementTexts } from '../../../shared/settlement/i18n/texts.ts';
import type { StatementLine } from '../../../shared/settlement/settlement.ts';
import {
  approvalEscalationMail,
  approvalReminderMail,
  financeReportMail,
  MAX_LINES_IN_MAIL,
  remittanceAdviceMail,
} from '../../../shared/settlement/settlement-mail.ts';
import { namedSettlement, summaryInput } from './settlement-fixtures.ts';

const CONFIRM = 'https://admin.namur.example/settlement/runs/RUN-2026-11-26';

function linesFor(count: number, settlementId = 'STL1'): StatementLine[] {
  // Deliberately out of order: the mail sorts them by time.
  return Array.from({ length: count }, (_, index) => ({
    settlementId,
    merchantId: 'MER1',
    merchantName: 'Boulangerie Dupré',
    redemptionId: `RED01JBZ${(count - index).toString().padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2026, 10, 20, 8, 0) + (count - index) * 60_000).toISOString(),
    amountCents: 100 * (count - index),
    voucherReference: `V-${index}`,
  }));
}

function adviceFor(redemptions: number, lines: StatementLine[], catalogue: SettlementTexts = texts) {
  const settlement = namedSettlement(0, {
    redemptions,
    amountCents: lines.reduce((total, line) => total + line.amountCents, 0) || 12_345,
  });
  return remittanceAdviceMail(
    {
      townName: 'Ville de Namur',
      settlement,
      merchantName: 'Boulangerie Dupré',
      expectedPayout: { from: '2026-11-27', to: '2026-11-30' },
      lines,
    },
    catalogue,
  );
}

/** A catalogue whose every text is its own key: whatever French remains in a mail was hard-coded. */
function keyCatalogue(value: unknown, path: string): unknown {
  if (path.endsWith('.locale')) return value;
  if (typeof value === 'string') return `«${path}»`;
  if (typeof value === 'function') return (...args: unknown[]) => `«${path}(${args.join('|')})»`;
  if (Array.isArray(value)) return value.map((item, index) => keyCatalogue(item, `${path}.${index}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, keyCatalogue(item, `${path}.${key}`)]));
  }
  return value;
}

describe('finance report mail', () => {
  const input = summaryInput(3);
  const mail = financeReportMail(input, texts, { confirmUrl: CONFIRM });
  const total = formatEuros(input.totals.amountCents);

  it('says what to pay and by when in the subject', () => {
    expect(mail.subject).toBe(
      `Remboursement des commerces : lot RUN-2026-11-26, ${total} à payer au plus tard le 30/11/2026`,
    );
  });

  it('carries the totals, deadline, every shop, the waiting shops and why, and the attachments', () => {
    expect(mail.text).toContain(`3 commerces à payer, 6 achats, ${total} au total.`);
    expect(mail.text).toContain('À payer au plus tard le 30/11/2026.');
    expect(mail.text).toContain('avant le 26/11/2026 à 00:00');
    for (const settlement of input.settlements) {
      expect(mail.text).toMatch(
        new RegExp(
          `${settlement.merchantName}\\s+\\S+\\s+${settlement.redemptions}\\s+${formatEuros(settlement.amountCents)}`,
        ),
      );
    }
    expect(mail.text).toContain(
      `Épicerie Ørsted : ${formatEuros(4_500)} (2 achats), pas d'IBAN connu : ses achats attendent le prochain lot.`,
    );
    expect(mail.text).toContain('Café du Nord');
    expect(mail.text).toContain('fichier de paiement SEPA');
    expect(mail.text).toContain('relevé CSV');
    expect(mail.text).toContain('résumé PDF');
    expect(mail.text).toContain(CONFIRM);
    expect(mail.html).toContain(`href="${CONFIRM}"`);
  });

  it('keeps IBANs out of the body (they are in the attachments)', () => {
    for (const settlement of input.settlements) {
      expect(mail.text).not.toContain(settlement.creditor.iban.slice(4, 12));
    }
  });

  it('escapes shop names in the HTML', () => {
    const hostile = summaryInput(1, {
      settlements: [namedSettlement(0, { merchantName: '<img src=x onerror=alert(1)>' })],
    });
    const html = financeReportMail(hostile, texts).html;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('omits the waiting section when nobody waits', () => {
    const text = financeReportMail(summaryInput(2, { waiting: [] }), texts).text;
    expect(text).not.toContain('Commerces en attente');
  });
});

describe('remittance advice mail', () => {
  it('tells the shop the amount, reference, masked account, window and each purchase', () => {
    const lines = linesFor(3);
    const mail = adviceFor(3, lines);
    const settlement = namedSettlement(0);
    expect(mail.subject).toBe(`Ville de Namur : remboursement de ${formatEuros(600)} pour vos chèques commerces`);
    expect(mail.text).toContain('Bonjour Boulangerie Dupré,');
    expect(mail.text).toContain(`vous rembourse ${formatEuros(600)} pour 3 achats`);
    expect(mail.text).toContain(settlement.remittanceReference);
    expect(mail.text).toMatch(/compte BE\d\d •••• •••• \d{4},/);
    expect(mail.text).not.toContain(settlement.creditor.iban);
    expect(mail.text).toContain('entre le 27/11/2026 et le 30/11/2026');
    // Sorted by time, in Brussels time (09:01 = 08:01 UTC), amounts right-aligned under `Montant`.
    const rows = mail.text.split('\n').filter((line) => line.startsWith('20/11/2026'));
    expect(rows).toEqual([
      `20/11/2026  09:01   ${formatEuros(100)}  R-000001`,
      `20/11/2026  09:02   ${formatEuros(200)}  R-000002`,
      `20/11/2026  09:03   ${formatEuros(300)}  R-000003`,
    ]);
  });

  it(`lists up to ${MAX_LINES_IN_MAIL} purchases, and points to the CSV beyond`, () => {
    const listed = adviceFor(MAX_LINES_IN_MAIL, linesFor(MAX_LINES_IN_MAIL));
    expect(listed.text.split('\n').filter((line) => /^\d\d\/11\/2026/.test(line))).toHaveLength(MAX_LINES_IN_MAIL);
    expect(listed.text).not.toContain('fichier CSV joint');

    const many = adviceFor(MAX_LINES_IN_MAIL + 1, linesFor(MAX_LINES_IN_MAIL + 1));
    expect(many.text).toContain(`Le détail des ${MAX_LINES_IN_MAIL + 1} achats se trouve dans le fichier CSV joint.`);
    expect(many.text).not.toContain('R-000001');
    expect(many.html).not.toContain('<table');
  });

  it('never lists a partial set of purchases', () => {
    const mail = adviceFor(5, linesFor(3));
    expect(mail.text).toContain('fichier CSV joint');
    expect(mail.text).not.toContain('R-000001');
  });
});

describe('approval reminders', () => {
  const run = summaryInput(3);
  const total = formatEuros(run.totals.amountCents);

  it('reminds finance with the run, amount, deadline and the two steps', () => {
    const mail = approvalReminderMail(run, 3, texts, { confirmUrl: CONFIRM });
    expect(mail.subject).toBe('Rappel : lot RUN-2026-11-26 à payer dans 3 jours (échéance le 30/11/2026)');
    expect(mail.text).toContain(`(${total}, 3 commerces) n'est pas encore confirmé`);
    expect(mail.text).toContain("L'échéance est le 30/11/2026, dans 3 jours.");
    expect(mail.text).toContain('1. Envoyer le fichier de paiement (pain.001) à la banque.');
    expect(mail.text).toContain("2. Confirmer ensuite le paiement dans l'application.");
    expect(mail.html).toContain(`href="${CONFIRM}"`);
  });

  it('escalates to the admin with a loud subject', () => {
    const mail = approvalEscalationMail(run, 1, texts);
    expect(mail.subject).toBe('URGENT : lot RUN-2026-11-26 non payé, échéance le 30/11/2026');
    expect(mail.text).toContain(`lot RUN-2026-11-26 (${total}, 3 commerces)`);
    expect(mail.text).toContain("L'échéance est demain, le 30/11/2026.");
    expect(mail.text).toContain('dans les 10 jours');
    expect(mail.html).toContain('<strong>');
    expect(mail.text).toContain('1. Envoyer le fichier de paiement');
  });

  it('says how late a run is once the deadline has passed', () => {
    expect(approvalReminderMail(run, -2, texts).subject).toContain('en retard de 2 jours');
    expect(approvalEscalationMail(run, 0, texts).text).toContain("L'échéance est aujourd'hui, le 30/11/2026.");
  });
});

describe('every word comes from the catalogue', () => {
  const keys = keyCatalogue(texts, 'fr') as SettlementTexts;
  const run = summaryInput(3);
  const FRENCH_WORDS = /\b(Bonjour|commerces?|achats?|payer|lot|Montant|échéance|virement|jours?|URGENT|Rappel)\b/;

  it.each([
    ['finance report', () => financeReportMail(run, keys, { confirmUrl: CONFIRM })],
    ['reminder', () => approvalReminderMail(run, 3, keys)],
    ['escalation', () => approvalEscalationMail(run, 1, keys)],
    ['remittance advice (listed)', () => adviceFor(3, linesFor(3), keys)],
    ['remittance advice (CSV)', () => adviceFor(60, linesFor(60), keys)],
  ])('%s', (_name, make) => {
    const mail = make();
    // Shop names and other data may hold any word; strip them before looking for French.
    const text = `${mail.subject}\n${mail.text}`
      .replace(/«[^»]*»/g, '')
      .replace(/Boulangerie Dupré|Bäckerei Müller|Łódź Deli|Épicerie Ørsted|Café du Nord|Ville de Namur/g, '');
    expect(text).not.toMatch(FRENCH_WORDS);
  });
});
