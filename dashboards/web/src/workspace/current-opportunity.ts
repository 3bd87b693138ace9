/** "My current opportunity": the one this person recorded on last, kept on this device. */
const KEY = 'presales.currentOpportunity';

export function currentOpportunity(
  personId: string,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): string {
  return storage?.getItem(`${KEY}.${personId}`) ?? '';
}

export function rememberOpportunity(
  personId: string,
  opportunityId: string,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  if (opportunityId !== '') storage?.setItem(`${KEY}.${personId}`, opportunityId);
}
