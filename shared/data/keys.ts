/**
 * Key builders for every item type of the single table (see table-design.ts). Each builder says which
 * access pattern it serves, so the design can be read in one place. Identifiers never contain `#`.
 *
 * | item             | pk                          | sk                      | index keys (pk / sk)                                          | serves                                        |
 * |------------------|-----------------------------|-------------------------|---------------------------------------------------------------|-----------------------------------------------|
 * | merchant         | MERCHANT#<id>               | PROFILE                 | gsi1 MERCHANTS / <sortName>#<id>                              | get a shop; list partner shops by name        |
 * | enrolment        | CAMPAIGN#<id>               | MERCHANT#<merchantId>   | gsi1 MERCHANT#<id>#CAMPAIGNS / <campaignId>                   | may this shop redeem in that campaign (with a |
 * |                  |                             |                         |                                                               | copy of the campaign dates); a shop's campaigns |
 * | campaign         | CAMPAIGN#<id>               | CAMPAIGN                | gsi1 CAMPAIGNS / <startDate>#<id>                             | get a campaign (+ budget counters); list them |
 * | beneficiary claim| CAMPAIGN#<id>               | BENEFICIARY#<personRef> |                                                               | one voucher per person and campaign           |
 * | voucher          | VOUCHER#<voucherId>         | VOUCHER                 | gsi1 CAMPAIGN#<id>#VOUCHERS#<status> / <issuedAt>#<voucherId> | by code hash (= id); by campaign and status   |
 * |                  |                             |                         | gsi2 HOUSEHOLD#<campaignId>#<householdRef> / VOUCHER#<id>     | a household's vouchers                        |
 * | redemption       | REDEMPTION#<id>             | REDEMPTION              | gsi1 MERCHANT#<id>#REDEMPTIONS / <businessDate>#<createdAt>#<id> | a shop's redemptions by day                |
 * |                  |                             |                         | gsi2 VOUCHER#<voucherId> / REDEMPTION#<createdAt>#<id>        | a voucher's history                           |
 * |                  |                             |                         | gsi3 UNSETTLED#<merchantId> / <createdAt>#<id>, then          | what settlement still has to pay a shop; once |
 * |                  |                             |                         |   SETTLED#<settlementId> / <createdAt>#<id> (none if reversed) | settled, the lines of its settlement          |
 * | idempotency      | IDEMPOTENCY#<userId>#<key>  | IDEMPOTENCY             | (TTL: expiresAt)                                              | replay the answer of a retried request        |
 * | audit event      | AUDIT#<entityType>#<id>     | <at>#<eventId>          | gsi1 AUDIT#<businessDate> / <at>#<eventId>                    | an entity's history; everything of a day      |
 * | lookup misses    | MISSES#<merchantId>,        | <windowStart>           | (TTL: expiresAt)                                              | throttle code guessing per shop, and per      |
 * |                  | MISSES#CLIENT#<clientRef>   |                         |                                                               | client address on the public balance page     |
 * | person           | PEOPLE#<campaignId>         | <personRef>             | gsi1 CAMPAIGN#<id>#ISSUABLE / <householdRef>#<personRef>      | a person of the register by national-number   |
 * |                  |                             |                         |   (sparse: eligible now, present in the latest import)        | hash (imports, applications); every person of |
 * |                  |                             |                         |                                                               | a campaign (missing people); who issuance     |
 * |                  |                             |                         |                                                               | serves, household by household                |
 * | register import  | IMPORT#<importId>           | IMPORT                  | gsi1 CAMPAIGN#<id>#IMPORTS / <createdAt>#<importId>           | an import's status and counts; a campaign's   |
 * |                  |                             |                         |                                                               | imports, latest last                          |
 * | issuance run     | ISSUANCE#<runId>            | RUN                     | gsi1 CAMPAIGN#<id>#ISSUANCE / <createdAt>#<runId>             | a run's status and counts; a campaign's runs  |
 * | application      | APPLICATION#<applicationId> | APPLICATION             | gsi1 CAMPAIGN#<id>#APPLICATIONS#<status> / <submittedAt>#<id> | an application; a campaign's applications by  |
 * |                  |                             |                         |   (sparse: from submission on); TTL while awaiting its proof  | status for the staff's review queue           |
 * | rate window      | RATE#<scope>#<subjectRef>   | <windowStart>           | (TTL: expiresAt)                                              | rate-limit public routes per client           |
 * | letter run       | LETTER_RUN#<runId>          | RUN                     | gsi1 CAMPAIGN#<id>#LETTER_RUNS / <createdAt>#<runId>          | a run's progress; a campaign's runs           |
 * | letter batch     | LETTER_RUN#<runId>          | BATCH#<nnn>             |                                                               | a run's print batches (one query)             |
 * | settlement run   | SETTLEMENT_RUN#<runId>      | RUN                     | gsi1 SETTLEMENT_RUNS / <createdAt>#<runId>                    | a run; the runs, newest first                 |
 * |                  |                             |                         | gsi2 SETTLEMENT_RUNS#UNFINISHED / <createdAt>#<runId> (sparse) | runs to resume (running, failed, awaiting)    |
 * | settlement       | SETTLEMENT#<settlementId>   | SETTLEMENT              | gsi1 SETTLEMENT_RUN#<runId>#SETTLEMENTS / <merchantId>        | a run's settlements                           |
 * |                  |                             |                         | gsi2 MERCHANT#<id>#SETTLEMENTS / <runCreatedAt>#<id>          | a shop's settlements, newest first            |
 * | dashboard counter| DASHBOARD#<campaignId>      | TOTALS#<shard>,         |                                                               | a campaign's dashboard in one query; summed   |
 * |                  |                             | MERCHANT#<id>#<shard>,  |                                                               | over shards on read, so that concurrent       |
 * |                  |                             | DAY#<date>#<shard>      |                                                               | aggregator batches do not write one item      |
 * | household usage  | USAGE#<campaignId>#<hhRef>  | HOUSEHOLD               |                                                               | what a household's vouchers were used for     |
 * |                  |                             |                         |                                                               | (the aggregator's state, read before a change)|
 * | applied change   | APPLIED#<streamEventId>     | APPLIED                 | (TTL: expiresAt)                                              | a stream record is counted once               |
 *
 * People are kept per campaign (its bands and purge date apply to them) and only when they are eligible:
 * the rest of the register is read, counted and dropped. Their key is a keyed hash of the national number
 * (shared/people/person-ref.ts), never the number itself.
 *
 * The voucher id is the keyed hash of its code: a redemption finds its voucher with one GetItem and the
 * table never holds a code in clear.
 */

export type Key = { pk: string; sk: string };

export const merchantKeys = {
  item: (merchantId: string): Key => ({ pk: `MERCHANT#${merchantId}`, sk: 'PROFILE' }),
  /** Everything public lists go through: one small partition, read-mostly, sorted by name. */
  listPartition: 'MERCHANTS',
  listSort: (sortName: string, merchantId: string) => `${sortName}#${merchantId}`,
} as const;

/**
 * An enrolment lives in its campaign's partition, so that extending a campaign can list (strongly
 * consistently) and update every copy of its dates; redemptions check the copy of their own shop instead of
 * the campaign item, which would otherwise be one hot item that every till in town writes against.
 */
export const enrolmentKeys = {
  item: (merchantId: string, campaignId: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `MERCHANT#${merchantId}`,
  }),
  campaignPrefix: 'MERCHANT#',
  byMerchant: (merchantId: string) => `MERCHANT#${merchantId}#CAMPAIGNS`,
} as const;

export const campaignKeys = {
  item: (campaignId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  listPartition: 'CAMPAIGNS',
  listSort: (startDate: string, campaignId: string) => `${startDate}#${campaignId}`,
  beneficiary: (campaignId: string, personRef: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `BENEFICIARY#${personRef}`,
  }),
} as const;

export const voucherKeys = {
  item: (voucherId: string): Key => ({ pk: `VOUCHER#${voucherId}`, sk: 'VOUCHER' }),
  byCampaignStatus: (campaignId: string, status: string) => `CAMPAIGN#${campaignId}#VOUCHERS#${status}`,
  byCampaignStatusSort: (issuedAt: string, voucherId: string) => `${issuedAt}#${voucherId}`,
  byHousehold: (campaignId: string, householdRef: string) => `HOUSEHOLD#${campaignId}#${householdRef}`,
  byHouseholdSort: (voucherId: string) => `VOUCHER#${voucherId}`,
} as const;

export const redemptionKeys = {
  item: (redemptionId: string): Key => ({ pk: `REDEMPTION#${redemptionId}`, sk: 'REDEMPTION' }),
  byMerchant: (merchantId: string) => `MERCHANT#${merchantId}#REDEMPTIONS`,
  byMerchantSort: (businessDate: string, createdAt: string, redemptionId: string) =>
    `${businessDate}#${createdAt}#${redemptionId}`,
  byVoucher: (voucherId: string) => `VOUCHER#${voucherId}`,
  byVoucherSort: (createdAt: string, redemptionId: string) => `REDEMPTION#${createdAt}#${redemptionId}`,
  unsettled: (merchantId: string) => `UNSETTLED#${merchantId}`,
  unsettledSort: (createdAt: string, redemptionId: string) => `${createdAt}#${redemptionId}`,
  /** Where a redemption moves in gsi3 once settled: the lines of its settlement. */
  settled: (settlementId: string) => `SETTLED#${settlementId}`,
} as const;

export const idempotencyKeys = {
  item: (userId: string, key: string): Key => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
} as const;

export const auditKeys = {
  item: (entityType: string, entityId: string, at: string, eventId: string): Key => ({
    pk: `AUDIT#${entityType}#${entityId}`,
    sk: `${at}#${eventId}`,
  }),
  entityPartition: (entityType: string, entityId: string) => `AUDIT#${entityType}#${entityId}`,
  byDay: (businessDate: string) => `AUDIT#${businessDate}`,
} as const;

export const lookupMissKeys = {
  /** `subject`: a merchant id, or publicClient(clientRef) for the public look-up. */
  item: (subject: string, windowStart: number): Key => ({ pk: `MISSES#${subject}`, sk: String(windowStart) }),
  /** A public client address (its keyed hash): an extra segment, so it can never equal a merchant id. */
  publicClient: (clientRef: string) => `CLIENT#${clientRef}`,
} as const;

export const personKeys = {
  item: (campaignId: string, personRef: string): Key => ({ pk: `PEOPLE#${campaignId}`, sk: personRef }),
  partition: (campaignId: string) => `PEOPLE#${campaignId}`,
  issuable: (campaignId: string) => `CAMPAIGN#${campaignId}#ISSUABLE`,
  issuableSort: (householdRef: string, personRef: string) => `${householdRef}#${personRef}`,
} as const;

export const importKeys = {
  item: (importId: string): Key => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  byCampaign: (campaignId: string) => `CAMPAIGN#${campaignId}#IMPORTS`,
  byCampaignSort: (createdAt: string, importId: string) => `${createdAt}#${importId}`,
} as const;

export const issuanceKeys = {
  item: (runId: string): Key => ({ pk: `ISSUANCE#${runId}`, sk: 'RUN' }),
  byCampaign: (campaignId: string) => `CAMPAIGN#${campaignId}#ISSUANCE`,
  byCampaignSort: (createdAt: string, runId: string) => `${createdAt}#${runId}`,
} as const;

export const applicationKeys = {
  item: (applicationId: string): Key => ({ pk: `APPLICATION#${applicationId}`, sk: 'APPLICATION' }),
  byCampaignStatus: (campaignId: string, status: string) => `CAMPAIGN#${campaignId}#APPLICATIONS#${status}`,
  byCampaignStatusSort: (submittedAt: string, applicationId: string) => `${submittedAt}#${applicationId}`,
} as const;

export const rateLimitKeys = {
  item: (scope: string, subjectRef: string, windowStart: number): Key => ({
    pk: `RATE#${scope}#${subjectRef}`,
    sk: String(windowStart),
  }),
} as const;

export const letterRunKeys = {
  item: (runId: string): Key => ({ pk: `LETTER_RUN#${runId}`, sk: 'RUN' }),
  batch: (runId: string, number: number): Key => ({
    pk: `LETTER_RUN#${runId}`,
    sk: `BATCH#${String(number).padStart(3, '0')}`,
  }),
  partition: (runId: string) => `LETTER_RUN#${runId}`,
  byCampaign: (campaignId: string) => `CAMPAIGN#${campaignId}#LETTER_RUNS`,
  byCampaignSort: (createdAt: string, runId: string) => `${createdAt}#${runId}`,
} as const;

export const settlementRunKeys = {
  item: (runId: string): Key => ({ pk: `SETTLEMENT_RUN#${runId}`, sk: 'RUN' }),
  listPartition: 'SETTLEMENT_RUNS',
  /** Sparse: only while the run is not over (running, failed, or waiting for finance's approval). */
  unfinishedPartition: 'SETTLEMENT_RUNS#UNFINISHED',
  listSort: (createdAt: string, runId: string) => `${createdAt}#${runId}`,
} as const;

export const settlementKeys = {
  item: (settlementId: string): Key => ({ pk: `SETTLEMENT#${settlementId}`, sk: 'SETTLEMENT' }),
  byRun: (runId: string) => `SETTLEMENT_RUN#${runId}#SETTLEMENTS`,
  byMerchant: (merchantId: string) => `MERCHANT#${merchantId}#SETTLEMENTS`,
  byMerchantSort: (runCreatedAt: string, settlementId: string) => `${runCreatedAt}#${settlementId}`,
} as const;

/**
 * The dashboard's aggregates, written only by the stream aggregator (never by a redemption): counters in
 * the campaign's dashboard partition, one state item per household, one marker per change counted.
 */
export const dashboardKeys = {
  partition: (campaignId: string) => `DASHBOARD#${campaignId}`,
  totals: (campaignId: string, shard: number): Key => ({ pk: `DASHBOARD#${campaignId}`, sk: `TOTALS#${shard}` }),
  merchant: (campaignId: string, merchantId: string, shard: number): Key => ({
    pk: `DASHBOARD#${campaignId}`,
    sk: `MERCHANT#${merchantId}#${shard}`,
  }),
  day: (campaignId: string, date: string, shard: number): Key => ({
    pk: `DASHBOARD#${campaignId}`,
    sk: `DAY#${date}#${shard}`,
  }),
  household: (campaignId: string, householdRef: string): Key => ({
    pk: `USAGE#${campaignId}#${householdRef}`,
    sk: 'HOUSEHOLD',
  }),
  applied: (changeId: string): Key => ({ pk: `APPLIED#${changeId}`, sk: 'APPLIED' }),
  /** Every partition the aggregator writes: its IAM policy allows these leading keys and no others. */
  partitionPrefixes: ['DASHBOARD#', 'USAGE#', 'APPLIED#'],
} as const;

/** Sortable, accent- and case-free form of a name, for index sort keys. */
export function sortableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
