/**
 * A shop's IBAN, BIC and enterprise number as staff type them, normalised for storage or refused with the
 * problem code of that field and a detail saying what is wrong (`problem` names it for a client's form).
 */
import { DomainError } from '../errors/domain-error.ts';
import { InvalidIbanError, normaliseIban } from '../iban/iban.ts';
import { InvalidBicError, normaliseBic } from '../payments/bic.ts';
import { InvalidEnterpriseNumberError, normaliseEnterpriseNumber } from './enterprise-number.ts';

export function checkedIban(input: string): string {
  try {
    return normaliseIban(input);
  } catch (error) {
    if (!(error instanceof InvalidIbanError)) throw error;
    throw new DomainError('IBAN_INVALID', `${error.message}.`, { field: 'iban', problem: error.problem });
  }
}

export function checkedBic(input: string): string {
  try {
    return normaliseBic(input);
  } catch (error) {
    if (!(error instanceof InvalidBicError)) throw error;
    throw new DomainError('BIC_INVALID', `${error.message}.`, { field: 'bic' });
  }
}

export function checkedEnterpriseNumber(input: string): string {
  try {
    return normaliseEnterpriseNumber(input);
  } catch (error) {
    if (!(error instanceof InvalidEnterpriseNumberError)) throw error;
    throw new DomainError('ENTERPRISE_NUMBER_INVALID', `${error.message}.`, {
      field: 'enterpriseNumber',
      problem: error.problem,
    });
  }
}
