export { canonicalJson, deciderSpecification } from './decider-specification.js';
export { commandOf, metadataAt, TEST_ACTOR } from './command-fixture.js';
export { applyChecked } from './apply-checked.js';
