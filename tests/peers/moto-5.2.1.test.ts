/** The suite and the pacts against moto-5.2.1 on the host, each with its baseline (see emulator-suite.ts). */
import { describeEmulator } from './emulator-suite.js';

describeEmulator({ name: 'moto-5.2.1' });
