#!/usr/bin/env python3
"""Replays a plan of Lambda calls with boto3 against an endpoint and prints one JSON result per call.

Usage: python3 boto3_replay.py '<plan json>'
  plan: {"endpoint": "http://127.0.0.1:PORT", "region": "us-east-1",
         "calls": [{"id": "put-ok", "op": "put_function_event_invoke_config", "params": {...}}, ...]}
Prints: {"botocore": "<version>", "results": [{"id", "ok", "status", "code"?, "message"?, "output"?}, ...]}

Client-side parameter validation is off (Config(parameter_validation=False)), so out-of-range values
and wrong types reach the server as boto3 would serialise them; retries are off.
"""
import datetime
import json
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError


def plain(value):
    """JSON-ready copy of a boto3 answer: datetimes become epoch seconds, ResponseMetadata goes."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    return value


def main():
    plan = json.loads(sys.argv[1])
    client = boto3.client(
        "lambda",
        endpoint_url=plan["endpoint"],
        region_name=plan["region"],
        aws_access_key_id="AKIDLAMBDAEICTEST",
        aws_secret_access_key="lambda-eic-test-secret",
        config=Config(parameter_validation=False, retries={"mode": "standard", "total_max_attempts": 1}),
    )
    results = []
    for call in plan["calls"]:
        try:
            answer = getattr(client, call["op"])(**call["params"])
            results.append({
                "id": call["id"],
                "ok": True,
                "status": answer["ResponseMetadata"]["HTTPStatusCode"],
                "output": plain(answer),
            })
        except ClientError as error:
            results.append({
                "id": call["id"],
                "ok": False,
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
                "code": error.response["Error"]["Code"],
                "message": error.response["Error"]["Message"],
            })
    print(json.dumps({"botocore": botocore.__version__, "results": results}))


if __name__ == "__main__":
    main()
