import type { CommitmentCategory, CommitmentStatus, Place, Severity, TensionScope } from './facts';

// Each fact coded in the two event ontologies researchers use:
// - CAMEO (Schrodt, Conflict and Mediation Event Observations codebook v1.1b3, 2012), with the
//   Goldstein (1992) conflict–cooperation weight that CAMEO codes carry (-10 … +10) as published
//   with the codebook and used by GDELT (CAMEO.goldsteinscale.txt);
// - PLOVER (Political Language Ontology for Verifiable Event Records, openeventdata), type and
//   mode. Modes are given where the fact says enough to choose one, else null.
export type PloverType =
  | 'CONSULT'
  | 'AGREE'
  | 'COOPERATE'
  | 'AID'
  | 'CONCEDE'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'SANCTION';

export interface EventCode {
  readonly cameo: string;
  readonly cameoName: string;
  readonly goldstein: number;
  readonly plover: { readonly type: PloverType; readonly mode: string | null };
}

// The CAMEO codes Dyad uses, with their codebook names and Goldstein weights.
const CAMEO: Readonly<Record<string, readonly [name: string, goldstein: number]>> = {
  '030': ['Express intent to cooperate', 4.0],
  '0311': ['Express intent to cooperate economically', 5.2],
  '0312': ['Express intent to cooperate militarily', 5.2],
  '032': ['Express intent to provide diplomatic cooperation', 4.5],
  '0331': ['Express intent to provide economic aid', 5.2],
  '0333': ['Express intent to provide humanitarian aid', 5.2],
  '0334': ['Express intent to provide military protection or peacekeeping', 6.0],
  '040': ['Consult', 1.0],
  '042': ['Make a visit', 1.9],
  '044': ['Meet at a "third" location', 2.5],
  '050': ['Engage in diplomatic cooperation', 3.5],
  '060': ['Engage in material cooperation', 6.0],
  '061': ['Cooperate economically', 6.4],
  '062': ['Cooperate militarily', 7.4],
  '071': ['Provide economic aid', 7.4],
  '073': ['Provide humanitarian aid', 7.4],
  '074': ['Provide military protection or peacekeeping', 8.5],
  '080': ['Yield', 5.0],
  '110': ['Disapprove', -2.0],
  '111': ['Criticize or denounce', -2.0],
  '120': ['Reject', -4.0],
  '130': ['Threaten', -4.4],
  '160': ['Reduce relations', -4.0],
  '161': ['Reduce or break diplomatic relations', -4.0],
  '1621': ['Reduce or stop economic assistance', -5.6],
  '1622': ['Reduce or stop military assistance', -5.6],
  '1623': ['Reduce or stop humanitarian assistance', -5.6],
};

export type MeetingVenue = 'member' | 'third' | 'unknown';

export type CodableFact =
  | { readonly type: 'MeetingHeld'; readonly venue: MeetingVenue }
  | { readonly type: 'DelegationListed' }
  | { readonly type: 'CommitmentMade'; readonly category: CommitmentCategory }
  | { readonly type: 'CommitmentStatusChanged'; readonly category: CommitmentCategory; readonly status: CommitmentStatus }
  | { readonly type: 'TensionReported'; readonly scope: TensionScope; readonly severity: Severity | null }
  | { readonly type: 'TensionEased'; readonly scope: TensionScope };

// A visit when the meeting is in one of the two countries, a third location otherwise.
export function meetingVenue(location: Place | null, dyadCountries: readonly string[]): MeetingVenue {
  if (location?.country == null) return 'unknown';
  return dyadCountries.includes(location.country) ? 'member' : 'third';
}

export function codeFact(fact: CodableFact): EventCode {
  switch (fact.type) {
    case 'MeetingHeld':
      return fact.venue === 'member'
        ? code('042', 'CONSULT', 'visit')
        : fact.venue === 'third'
          ? code('044', 'CONSULT', 'third-party')
          : code('040', 'CONSULT', null);
    case 'DelegationListed':
      return code('042', 'CONSULT', 'visit');
    case 'CommitmentMade':
      return promiseCode(fact.category);
    case 'CommitmentStatusChanged':
      return statusCode(fact.category, fact.status);
    case 'TensionReported':
      return tensionCode(fact.scope, fact.severity);
    case 'TensionEased':
      return code('080', 'CONCEDE', null);
    default: {
      const unexpected: never = fact;
      throw new Error(`Uncoded fact ${(unexpected as CodableFact).type}`);
    }
  }
}

// A promise is an intent to cooperate (03x), narrowed by what is promised.
function promiseCode(category: CommitmentCategory): EventCode {
  switch (category) {
    case 'investment':
    case 'trade':
    case 'energy':
    case 'infrastructure':
      return code('0311', 'AGREE', 'economic');
    case 'financial_support':
      return code('0331', 'AGREE', 'economic');
    case 'military_cooperation':
    case 'military_basing':
      return code('0312', 'AGREE', 'military');
    case 'security':
      return code('0334', 'AGREE', 'military');
    case 'humanitarian_aid':
      return code('0333', 'AGREE', 'humanitarian');
    case 'diplomatic_support':
      return code('032', 'AGREE', 'diplomatic');
    case 'other':
      return code('030', 'AGREE', null);
    default: {
      const unexpected: never = category;
      throw new Error(`Uncoded category ${String(unexpected)}`);
    }
  }
}

// Reaffirmed is the promise again; in progress and fulfilled are the cooperation itself (05x–07x);
// suspended, broken and withdrawn reduce relations (16x).
function statusCode(category: CommitmentCategory, status: CommitmentStatus): EventCode {
  switch (status) {
    case 'made':
    case 'reaffirmed':
      return promiseCode(category);
    case 'in_progress':
    case 'fulfilled':
      return deliveryCode(category);
    case 'suspended':
    case 'broken':
    case 'withdrawn':
      return reductionCode(category);
    default: {
      const unexpected: never = status;
      throw new Error(`Uncoded status ${String(unexpected)}`);
    }
  }
}

function deliveryCode(category: CommitmentCategory): EventCode {
  if (category === 'financial_support') return code('071', 'AID', 'economic');
  if (category === 'humanitarian_aid') return code('073', 'AID', 'humanitarian');
  if (category === 'security') return code('074', 'AID', 'military');
  if (category === 'military_cooperation' || category === 'military_basing') return code('062', 'COOPERATE', 'military');
  if (category === 'diplomatic_support') return code('050', 'COOPERATE', 'diplomatic');
  if (category === 'other') return code('060', 'COOPERATE', null);
  return code('061', 'COOPERATE', 'economic');
}

function reductionCode(category: CommitmentCategory): EventCode {
  if (category === 'financial_support') return code('1621', 'SANCTION', 'aid');
  if (category === 'humanitarian_aid') return code('1623', 'SANCTION', 'aid');
  if (category === 'military_cooperation' || category === 'military_basing' || category === 'security') {
    return code('1622', 'SANCTION', 'aid');
  }
  if (category === 'diplomatic_support') return code('161', 'SANCTION', 'relations');
  return code('160', 'SANCTION', 'relations');
}

// A tension between the two is coded by how serious the article makes it: criticism (11x),
// rejection (12x), threat (13x). A domestic or regional tension that merely concerns the pair is
// the mildest disapproval.
function tensionCode(scope: TensionScope, severity: Severity | null): EventCode {
  if (scope !== 'bilateral') return code('110', 'ACCUSE', 'disapprove');
  if (severity === 'high') return code('130', 'THREATEN', null);
  if (severity === 'medium') return code('120', 'REJECT', null);
  return code('111', 'ACCUSE', 'disapprove');
}

// Every view scores each of its facts: a code is made once and shared (codes are not changed).
const CODES = new Map<string, EventCode>();

function code(cameo: string, type: PloverType, mode: string | null): EventCode {
  const made = CODES.get(cameo);
  if (made?.plover.type === type && made.plover.mode === mode) return made;
  const [cameoName, goldstein] = CAMEO[cameo];
  const fresh: EventCode = { cameo, cameoName, goldstein, plover: { type, mode } };
  CODES.set(cameo, fresh);
  return fresh;
}
