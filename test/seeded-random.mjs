/** The seeded PRNG lives with the demo, whose results page generates a year of data with it in the browser. */
export { seededRandom } from '../demo/seeded-random.js';
