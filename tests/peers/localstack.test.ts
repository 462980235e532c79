/** The suite and the pacts against localstack on the host, each with its baseline (see emulator-suite.ts). */
import { describeEmulator } from './emulator-suite.js';

describeEmulator({ name: 'localstack' });
