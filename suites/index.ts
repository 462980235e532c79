/** Every scenario, by suite, in a stable order. */
import { destinations } from './destinations.js';
import { docsExamples } from './docs-examples.js';
import { errors } from './errors.js';
import { merge } from './merge.js';
import { pagination } from './pagination.js';
import { permissions } from './permissions.js';
import { qualifiers } from './qualifiers.js';
import { ranges } from './ranges.js';
import { recorded } from './recorded.js';
import { shape } from './shape.js';
import type { Scenario } from '../cases/scenario.js';

export const ALL_SCENARIOS: readonly Scenario[] = [...merge, ...ranges, ...errors, ...qualifiers, ...destinations, ...pagination, ...shape, ...docsExamples, ...recorded, ...permissions];

export { SUITES, type Scenario, type SuiteName } from '../cases/scenario.js';
