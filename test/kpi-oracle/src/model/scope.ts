import type { OracleModel } from './model.js';

export interface ScopeQuery {
  readonly kind: 'org' | 'team' | 'consultant' | 'product_line';
  readonly id?: string;
}

export interface ResolvedScope {
  readonly kind: ScopeQuery['kind'];
  readonly id: string | undefined;
  /** CONS: the consultants in scope. */
  readonly consultants: ReadonlySet<string>;
  /** OPP: is this opportunity in scope? (org: every opportunity, even one never registered). */
  opportunity(opportunityId: string | undefined): boolean;
}

/**
 * docs/kpis.md "Scope": the consultants (CONS) and opportunities (OPP) a scope covers, from
 * everything recorded by asOf, whenever it occurred.
 */
export function resolveScope(model: OracleModel, scope: ScopeQuery): ResolvedScope {
  if (scope.kind !== 'org' && scope.id === undefined) throw new RangeError(`a ${scope.kind} scope needs an id`);
  const consultants = consultantsIn(model, scope);
  const opportunities = opportunitiesIn(model, scope, consultants);
  return {
    kind: scope.kind,
    id: scope.id,
    consultants,
    opportunity: (opportunityId) =>
      opportunities === 'all' || (opportunityId !== undefined && opportunities.has(opportunityId)),
  };
}

/**
 * "CONS: org → every onboarded consultant; team t → consultants whose ConsultantOnboarded.teamId
 * = t, plus every consultantId of a TeamMemberAdded in stream team-t; consultant c → {c};
 * product_line p → consultants whose onboarding productLines contain p."
 */
function consultantsIn(model: OracleModel, scope: ScopeQuery): ReadonlySet<string> {
  // A consultant is the id of their consultant-<id> stream.
  const onboarded = [...model.consultants.values()].flatMap((consultant) =>
    consultant.onboarded === undefined ? [] : [{ id: consultant.id, ...consultant.onboarded.data }],
  );
  switch (scope.kind) {
    case 'org':
      return new Set(onboarded.map((data) => data.id));
    case 'team': {
      const members = new Set(onboarded.filter((data) => data.teamId === scope.id).map((data) => data.id));
      for (const id of model.teams.get(scope.id!)?.addedMemberIds ?? []) members.add(id);
      return members;
    }
    case 'consultant':
      return new Set([scope.id!]);
    case 'product_line':
      return new Set(onboarded.filter((data) => data.productLines.includes(scope.id!)).map((data) => data.id));
  }
}

/**
 * "OPP: org → every opportunity (no filter); product_line p → opportunities whose
 * OpportunityRegistered.productLines contain p; team / consultant → opportunities with at least
 * one ConsultantAssigned (in any consultant-c stream, c ∈ CONS)."
 */
function opportunitiesIn(
  model: OracleModel,
  scope: ScopeQuery,
  consultants: ReadonlySet<string>,
): ReadonlySet<string> | 'all' {
  switch (scope.kind) {
    case 'org':
      return 'all';
    case 'product_line': {
      const ids = new Set<string>();
      for (const opportunity of model.opportunities.values()) {
        if (opportunity.registered?.data.productLines.includes(scope.id!)) ids.add(opportunity.id);
      }
      return ids;
    }
    case 'team':
    case 'consultant': {
      const ids = new Set<string>();
      for (const id of consultants) {
        for (const { assigned } of model.consultants.get(id)?.assignments.values() ?? [])
          ids.add(assigned.data.opportunityId);
      }
      return ids;
    }
  }
}
