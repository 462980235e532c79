/** Arranging state through the control-plane subset: a function, published versions, aliases. */
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { EMPTY_ZIP, zipWith } from './zip.js';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-eic-test';

export interface Arrangement {
  readonly name: string;
  /** The unqualified function ARN. */
  readonly arn: string;
  /** Published versions, in order ('1', '2', ...). */
  readonly versions: string[];
}

export interface ArrangeOptions {
  /** How many versions to publish (each after a code change). Default 0. */
  readonly versions?: number;
  /** Aliases to create: name -> function version ('$LATEST', '1', ...). */
  readonly aliases?: Readonly<Record<string, string>>;
}

/**
 * Creates a function, publishes versions and creates aliases.
 * @example const fn = await arrange(lambda, 'my-function', { versions: 1, aliases: { live: '1' } });
 */
export async function arrange(lambda: LambdaClient, name: string, options: ArrangeOptions = {}): Promise<Arrangement> {
  const created = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: EMPTY_ZIP },
    }),
  );
  const versions: string[] = [];
  for (let i = 1; i <= (options.versions ?? 0); i++) {
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zipWith(`export const handler = async () => ${i};`) }));
    const published = await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    versions.push(published.Version!);
  }
  for (const [alias, version] of Object.entries(options.aliases ?? {}))
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: alias, FunctionVersion: version }));
  return { name, arn: created.FunctionArn!, versions };
}
