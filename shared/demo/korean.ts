/**
 * Korean-looking people, companies, registration numbers, phones and addresses for demo data.
 * Registration numbers carry valid check digits (shared/korean/ids) and are unique across the
 * whole data set, because import dedupe and the organisation grid key on them.
 */
import { brnCheckDigit, crnCheckDigit } from '../korean/ids';
import { NAMES } from './facts';
import type { Rng } from './random';
import type { ClusterFact } from './types';

export interface PersonName {
  name: string;
  /** ASCII handle for e-mail addresses, e.g. `jhkim` */
  handle: string;
}

const surnameWeights = NAMES.surnames.map(([ko, en, w]) => [[ko, en], w] as const);

export function personName(rng: Rng): PersonName {
  const [surname, surnameEn] = rng.weighted(surnameWeights);
  const [first, firstEn] = rng.pick(NAMES.givenFirst);
  let [second, secondEn] = rng.pick(NAMES.givenSecond);
  // Avoid doubled syllables such as 수수: rare in given names.
  if (second === first) [second, secondEn] = NAMES.givenSecond[0] ?? [second, secondEn];
  return {
    name: `${surname}${first}${second}`,
    handle: `${firstEn.charAt(0)}${secondEn.charAt(0)}${surnameEn}`,
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Hands out names and numbers that must not repeat within the data set. */
export class UniqueKeeper {
  private readonly companyNames = new Set<string>();
  private readonly brns = new Set<string>();
  private readonly crns = new Set<string>();
  private readonly emails = new Set<string>();

  /** Reserves a hand-written name (success-case companies). */
  reserveCompanyName(name: string): void {
    this.companyNames.add(companyNameCore(name));
  }

  /** ㈜ / 주식회사 / (suffix ㈜) styles for corporations, the bare name for sole traders. */
  companyName(rng: Rng, fact: ClusterFact, corporation: boolean): string {
    for (let attempt = 0; ; attempt++) {
      const prefix = rng.pick(NAMES.companyPrefixes);
      // After many clashes add a second prefix: the space of names is then effectively endless.
      const core =
        attempt < 40
          ? `${prefix}${rng.pick(fact.companySuffixes)}`
          : `${prefix}${rng.pick(NAMES.companyPrefixes)}${rng.pick(fact.companySuffixes)}`;
      if (this.companyNames.has(core)) continue;
      this.companyNames.add(core);
      if (!corporation) return core;
      return rng.weighted([
        [`㈜${core}`, 5],
        [`주식회사 ${core}`, 3],
        [`${core}㈜`, 2],
      ]);
    }
  }

  /** 사업자등록번호 `123-45-67890`: tax office, kind (81/86/87/88 = corporation), serial, check. */
  brn(rng: Rng, fact: ClusterFact, corporation: boolean): string {
    for (;;) {
      const office = rng.pick(fact.taxOfficeCodes);
      const kind = corporation
        ? rng.weighted([
            ['81', 6],
            ['86', 2],
            ['87', 1],
            ['88', 1],
          ])
        : pad(rng.int(10, 79), 2);
      const serial = pad(rng.int(0, 9999), 4);
      const first9 = `${office}${kind}${serial}`;
      const digits = `${first9}${brnCheckDigit(first9)}`;
      if (this.brns.has(digits)) continue;
      this.brns.add(digits);
      return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
    }
  }

  /** 법인등록번호 `123456-1234567`: registry office, 11 = 주식회사, serial, check. */
  crn(rng: Rng, fact: ClusterFact): string {
    for (;;) {
      const first12 = `${fact.crnOfficeCode}11${pad(rng.int(1, 99999), 6)}`;
      const digits = `${first12}${crnCheckDigit(first12)}`;
      if (this.crns.has(digits)) continue;
      this.crns.add(digits);
      return `${digits.slice(0, 6)}-${digits.slice(6)}`;
    }
  }

  /** `jhkim@kumoh.ac.kr`, with a number when two people share the handle. */
  email(handle: string, domain: string): string {
    for (let n = 1; ; n++) {
      const email = `${handle}${n === 1 ? '' : n}@${domain}`;
      if (this.emails.has(email)) continue;
      this.emails.add(email);
      return email;
    }
  }
}

/** The name without its legal-form marks, for uniqueness checks. */
export function companyNameCore(name: string): string {
  return name.replace(/㈜|\(주\)|주식회사/g, '').trim();
}

export function phone(rng: Rng, fact: ClusterFact): string {
  return `${fact.phoneArea}-${rng.pick(fact.phoneExchanges)}-${pad(rng.int(0, 9999), 4)}`;
}

/** A lot-number address in the cluster's complex (2005 addresses were lot-based). */
export function complexAddress(rng: Rng, fact: ClusterFact): string {
  const lot = rng.chance(0.7) ? `${rng.int(1, 1200)}-${rng.int(1, 40)}` : `${rng.int(1, 1200)}`;
  return `${rng.pick(fact.addresses)} ${lot}`;
}
