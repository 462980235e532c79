/**
 * lambda-eic-conformance: the reference model of the AWS Lambda event-invoke-config API, its
 * rest-json codec and the embedded HTTP emulator.
 */
export { Emulator, type Outcome } from './model/emulator.js';
export { AwsError, fail } from './model/aws-error.js';
export { systemContext, fixedContext, DEFAULT_ACCOUNT, DEFAULT_REGION, type Context } from './model/context.js';
export { FaultPlan, FAULT_KINDS, type FaultKind, type FaultSpec, type ActiveFault } from './model/faults.js';
export { snapshot, type StateSnapshot } from './model/snapshot.js';
export { parseFunctionName, functionArn, type FunctionRef } from './model/names.js';
export { configView, type EventInvokeConfigWire } from './model/config-view.js';
export { startServer, type ServeOptions, type RunningServer } from './http/server.js';
export { handleHttp, regionOf, type HttpRequestLike, type HandlerDefaults } from './http/handler.js';
export { CONTROL_PREFIX } from './http/control-api.js';
export { CONTROL_HEADER, DEFAULT_LIMITS, type ServerLimits } from './http/limits.js';
export { OPERATIONS, EIC_OPERATIONS, type OperationName, type OperationSpec } from './spec/operations.js';
export { SHAPES, PATTERNS, DESTINATION_CONFIG } from './spec/shapes.js';
export { ERROR_CODES, MESSAGES, type ErrorCode, type Evidence } from './spec/errors.js';
export { QuirkLayer, quirkyEmulator } from './quirks/layer.js';
export { QUIRKS, QUIRK_NAMES, type QuirkName } from './quirks/catalogue.js';
export type { ModelWrapper } from './model/outcome.js';
