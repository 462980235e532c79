/** The suite and the pacts against ministack on the host, each with its baseline (see emulator-suite.ts). */
import { describeEmulator } from './emulator-suite.js';

describeEmulator({ name: 'ministack' });
