/**
 * The applicant's fields, checked in the page with the API's own rules before anything is sent: the national
 * number as it is typed (format, then check digits: shared/register/national-number.ts), the birth date
 * against the date the number encodes, a four-digit postcode, an e-mail address.
 */
import {
  birthDateMatches,
  checkNationalNumber,
  type NationalNumberCheck,
} from '../../shared/register/national-number.ts';
import type { CalendarDate } from '../../shared/time/calendar-date.ts';
import type { createMessages } from '../citizen/messages.ts';
import { byId } from '../lib/dom.ts';
import type { Values } from '../lib/i18n/index.ts';
import type { DemandeMessageKey } from './i18n/index.ts';

type Messages = ReturnType<typeof createMessages<DemandeMessageKey>>;

export interface Fields {
  readonly nationalNumber: HTMLInputElement;
  readonly birthDate: HTMLInputElement;
  readonly postcode: HTMLInputElement;
  readonly email: HTMLInputElement;
  readonly consent: HTMLInputElement;
}

export function fieldsOf(): Fields {
  return {
    nationalNumber: byId<HTMLInputElement>('national-number'),
    birthDate: byId<HTMLInputElement>('birth-date'),
    postcode: byId<HTMLInputElement>('postcode'),
    email: byId<HTMLInputElement>('email'),
    consent: byId<HTMLInputElement>('consent'),
  };
}

/** Where each field says what is wrong with it. */
export const MESSAGE_OF: Readonly<Record<keyof Fields, string>> = {
  nationalNumber: 'nn-message',
  birthDate: 'birth-message',
  postcode: 'postcode-message',
  email: 'email-message',
  consent: 'consent-message',
};

function showNationalNumber(messages: Messages, input: HTMLInputElement, check: NationalNumberCheck): void {
  const target = byId(MESSAGE_OF.nationalNumber);
  if (check.ok) {
    messages.clear(target, input);
    messages.say(target, 'nn.ok', { kind: 'success' });
    return;
  }
  const digits = input.value.replace(/\D/g, '');
  const values: Values =
    check.code === 'NATIONAL_NUMBER_FORMAT'
      ? { digits: digits.length }
      : check.code === 'NATIONAL_NUMBER_SEQUENCE'
        ? { sequence: digits.slice(6, 9) }
        : {};
  messages.say(target, `nn.${check.code}`, {
    values,
    field: input,
  });
}

/**
 * Checks the number on every keystroke: while fewer than 11 digits are typed it only counts them (an error
 * then would scold someone who is not done); at 11 it says whether the check digits agree.
 */
export function watchNationalNumber(fields: Fields, messages: Messages): void {
  const input = fields.nationalNumber;
  const target = byId(MESSAGE_OF.nationalNumber);
  input.addEventListener('input', () => {
    const digits = input.value.replace(/\D/g, '').length;
    const onlyDigitsAndSeparators = /^[\d\s.-]*$/.test(input.value);
    if (digits === 0) messages.clear(target, input);
    else if (digits < 11 && onlyDigitsAndSeparators) {
      messages.clear(target, input);
      messages.say(target, 'nn.progress', { values: { count: digits }, kind: 'info' });
    } else showNationalNumber(messages, input, checkNationalNumber(input.value));
  });
  input.addEventListener('change', () => {
    if (input.value.trim()) showNationalNumber(messages, input, checkNationalNumber(input.value));
  });
}

/** What the API is sent, once every field is right; otherwise each wrong field says why, and the first is focused. */
export function readFields(
  fields: Fields,
  messages: Messages,
): { nationalNumber: string; birthDate: CalendarDate; postcode: string; email: string } | undefined {
  const wrong: HTMLInputElement[] = [];
  const fail = (name: keyof Fields, key: DemandeMessageKey, values = {}) => {
    messages.say(byId(MESSAGE_OF[name]), key, { values, field: fields[name] });
    wrong.push(fields[name]);
  };
  const number = checkNationalNumber(fields.nationalNumber.value);
  if (!number.ok) showNationalNumber(messages, fields.nationalNumber, number);
  if (!number.ok) wrong.push(fields.nationalNumber);

  const birthDate = fields.birthDate.value as CalendarDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) fail('birthDate', 'birth.missing');
  else if (number.ok && !birthDateMatches(number.birth, birthDate)) fail('birthDate', 'birth.mismatch');
  else messages.clear(byId(MESSAGE_OF.birthDate), fields.birthDate);

  const postcode = fields.postcode.value.trim();
  if (!/^\d{4}$/.test(postcode)) fail('postcode', 'postcode.invalid');
  else messages.clear(byId(MESSAGE_OF.postcode), fields.postcode);

  const email = fields.email.value.trim();
  if (!email || fields.email.validity.typeMismatch) fail('email', 'email.invalid');
  else messages.clear(byId(MESSAGE_OF.email), fields.email);

  if (!fields.consent.checked) fail('consent', 'consent.missing');
  else messages.clear(byId(MESSAGE_OF.consent), fields.consent);

  if (wrong.length > 0 || !number.ok) {
    wrong[0]?.focus();
    return undefined;
  }
  return { nationalNumber: number.value, birthDate, postcode, email };
}
