// Kept while hooks move to src/testing: everything here is installed only in the test build.
export { registerTestHooks } from '../testing/testHooks';
