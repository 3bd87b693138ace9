/**
 * The records the workspace's tests start from: Ana, a senior ERP consultant of team East, and
 * Harbour Logistics' ERP deal that Bo sells. One copy, so each test's world is the same people.
 */
export const ANA = {
  consultantId: 'ana',
  name: 'Ana',
  teamId: 'team-east',
  level: 'senior',
  productLines: ['erp'],
  skills: ['erp'],
  weeklyCapacityHours: 40,
  hourlyCost: { amount: '80', currency: 'CNY' },
} as const;

export function harbourDeal(opportunityId: string) {
  return {
    opportunityId,
    name: 'Harbour ERP',
    customer: 'Harbour Logistics',
    industry: 'logistics',
    region: 'east',
    productLines: ['erp'],
    projectType: 'product',
    estimatedValue: { amount: '1200000', currency: 'CNY' },
    salesOwnerId: 'bo',
  } as const;
}
