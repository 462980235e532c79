/**
 * Where each AWS service is reached: the standard per-service override `AWS_ENDPOINT_URL_<SERVICE>`,
 * then `AWS_ENDPOINT_URL`, then the service's public endpoint (aws partition), as the SDKs do.
 */

/** The services a real-account run talks to: environment-variable suffix, signing name, endpoint host. */
export const SERVICES = {
  lambda: { env: 'LAMBDA', signing: 'lambda', host: (r: string) => `lambda.${r}.amazonaws.com` },
  iam: { env: 'IAM', signing: 'iam', host: () => 'iam.amazonaws.com' },
  sts: { env: 'STS', signing: 'sts', host: (r: string) => `sts.${r}.amazonaws.com` },
  sqs: { env: 'SQS', signing: 'sqs', host: (r: string) => `sqs.${r}.amazonaws.com` },
  sns: { env: 'SNS', signing: 'sns', host: (r: string) => `sns.${r}.amazonaws.com` },
  s3: { env: 'S3', signing: 's3', host: (r: string) => `s3.${r}.amazonaws.com` },
  eventbridge: { env: 'EVENTBRIDGE', signing: 'events', host: (r: string) => `events.${r}.amazonaws.com` },
} as const;

export type ServiceName = keyof typeof SERVICES;

export interface ServiceEndpoint {
  readonly url: string;
  /** The region the request is signed for (IAM is global and signs for us-east-1). */
  readonly signingRegion: string;
  readonly signingName: string;
  /** True when an `AWS_ENDPOINT_URL*` variable chose it (a stand-in: S3 goes path-style). */
  readonly overridden: boolean;
}

/**
 * The endpoint of `service` for `region`, honouring the standard overrides in `env`.
 * @example serviceEndpoint('iam', 'eu-west-1', {}) // { url: 'https://iam.amazonaws.com', signingRegion: 'us-east-1', ... }
 * @example serviceEndpoint('sts', 'us-east-1', { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:5000' }).url // 'http://127.0.0.1:5000'
 */
export function serviceEndpoint(service: ServiceName, region: string, env: NodeJS.ProcessEnv = process.env): ServiceEndpoint {
  const spec = SERVICES[service];
  const override = env[`AWS_ENDPOINT_URL_${spec.env}`] || env.AWS_ENDPOINT_URL;
  const signingRegion = service === 'iam' ? 'us-east-1' : region;
  return {
    url: (override || `https://${spec.host(region)}`).replace(/\/+$/, ''),
    signingRegion,
    signingName: spec.signing,
    overridden: Boolean(override),
  };
}
