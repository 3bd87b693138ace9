export { deciderSpecification } from './decider-specification.js';
