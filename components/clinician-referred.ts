import type { HipCare } from '../core/engine/verdict';

/**
 * Whether hip care shows the notice to see a GP or physiotherapist (HipClinician.tsx): red-flag
 * symptoms, or pain for two weeks. The popup loads that chunk with hip care's, so the notice is
 * there when hip care is first drawn and nothing below it moves.
 */
export const clinicianReferred = (hc: Pick<HipCare, 'seeClinician' | 'referral'>): boolean =>
  hc.seeClinician || hc.referral?.code === 'persistent';
