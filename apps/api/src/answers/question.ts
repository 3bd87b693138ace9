/**
 * What an answer depends on besides the read models: the route and its parameters, normalized
 * (a default filled in, a scope and period in their one written form). A question with an asOf
 * names it; a live one (no asOf, decision 0017) does not, so that the same live question asked a
 * minute later is the same question, as long as nothing new was projected (AnswerCache).
 */
export type Question =
  | { readonly asked: string; readonly live: false }
  | {
      readonly asked: string;
      readonly live: true;
      /** When it was asked: a live answer is kept only if nothing held was recorded after it. */
      readonly askedAt: Date;
    };

export type QuestionParameters = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * `route` with its parameters in one order, undefined left out; `asOf` undefined = live. A live
 * question's parameters must not name the moment it was asked (only, say, its quarter).
 */
export function questionOf(
  route: string,
  parameters: QuestionParameters,
  asOf: Date | undefined,
  askedAt: Date,
): Question {
  const named = Object.entries(parameters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const asked = `${route} ${JSON.stringify(named)} asOf=${asOf === undefined ? 'live' : asOf.toISOString()}`;
  return asOf === undefined ? { asked, live: true, askedAt } : { asked, live: false };
}
