import root from '../../eslint.config.mjs';

/**
 * The workspace configuration, with one widening for this project only: the KPI oracle is a test
 * oracle that must read the domain's own definitions (event payloads, Decimal, quoteTotals) and
 * the KPI periods, so besides other testing projects it may import `type:domain` and
 * `type:port` libraries. Nothing imports the oracle except tests. Remove this file once the
 * root constraint for `type:testing` allows the same.
 */
const widen = (constraint) =>
  constraint.sourceTag === 'type:testing'
    ? { ...constraint, onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'type:domain', 'type:port'])] }
    : constraint;

export default root.map((config) => {
  const rule = config.rules?.['@nx/enforce-module-boundaries'];
  if (rule === undefined) return config;
  const [level, options] = rule;
  return { ...config, rules: { ...config.rules, '@nx/enforce-module-boundaries': [level, { ...options, depConstraints: options.depConstraints.map(widen) }] } };
});
