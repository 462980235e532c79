/** renderDestinationConfig and destinationOf (aws-behaviour.md section 5). */
import { describe, expect, it } from 'vitest';
import { DESTINATION_SERVICES, destinationOf, renderDestinationConfig } from '../../src/model/destinations.js';

const IAM = 'arn:aws:iam::123456789012:role/x';
const SQS = 'arn:aws:sqs:us-east-1:123456789012:q';

describe('renderDestinationConfig', () => {
  it.each([
    [{ OnSuccess: { Destination: IAM } }, `DestinationConfig(onSuccess=OnSuccess(destination=${IAM}), onFailure=null)`],
    [{ OnFailure: { Destination: IAM } }, `DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${IAM}))`],
    [{ OnSuccess: { Destination: SQS }, OnFailure: { Destination: IAM } }, `DestinationConfig(onSuccess=OnSuccess(destination=${SQS}), onFailure=OnFailure(destination=${IAM}))`],
    [{ OnSuccess: {}, OnFailure: { Destination: IAM } }, `DestinationConfig(onSuccess=OnSuccess(destination=null), onFailure=OnFailure(destination=${IAM}))`],
    [{ OnSuccess: null, OnFailure: null }, 'DestinationConfig(onSuccess=null, onFailure=null)'],
    [{}, 'DestinationConfig(onSuccess=null, onFailure=null)'],
  ])('%j', (config, expected) => {
    expect(renderDestinationConfig(config)).toBe(expected);
  });
});

describe('destinationOf', () => {
  it('a non-empty Destination counts; an empty string, null, {} or an absent outcome do not', () => {
    expect(destinationOf({ OnSuccess: { Destination: SQS } }, 'OnSuccess')).toBe(SQS);
    expect(destinationOf({ OnSuccess: { Destination: '' } }, 'OnSuccess')).toBeUndefined();
    expect(destinationOf({ OnSuccess: { Destination: null } }, 'OnSuccess')).toBeUndefined();
    expect(destinationOf({ OnSuccess: {} }, 'OnSuccess')).toBeUndefined();
    expect(destinationOf({ OnSuccess: { Destination: SQS } }, 'OnFailure')).toBeUndefined();
    expect(destinationOf(undefined, 'OnFailure')).toBeUndefined();
  });
});

describe('DESTINATION_SERVICES', () => {
  it('[docs] allows SQS, SNS, EventBridge and Lambda for both outcomes, and S3 for OnFailure only', () => {
    expect([...DESTINATION_SERVICES.OnSuccess].sort()).toEqual(['events', 'lambda', 'sns', 'sqs']);
    expect([...DESTINATION_SERVICES.OnFailure].sort()).toEqual(['events', 'lambda', 's3', 'sns', 'sqs']);
  });
});
