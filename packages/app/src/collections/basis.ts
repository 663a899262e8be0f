import type { Buyer } from '@credence/core';
import type { Company } from './company';
import type { InterestBasis } from './letter';

/** The interest a buyer is charged: its own terms (regime, agreed rate), else the company's default. */
export const basisOf = (b: Buyer, company: Company): InterestBasis => {
  const regime = (b.interestRegime ?? company.interestRegime) as InterestBasis['regime'];
  const rate = b.interestRegime !== undefined ? b.interestRate : company.interestRate;
  return { regime, ...(regime === 'contract' && rate !== undefined ? { contractRate: rate } : {}) };
};
