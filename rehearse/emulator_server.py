#!/usr/bin/env python3
"""moto's server (`python3 -m moto.server`, same arguments) answering one request at a time, with
one of its checks of bucket logging made tolerant (see log_delivery_allowed).

Terraform sends up to ten requests at once. moto's backends are not safe for concurrent writes:
under load, parallel CreateRole calls fail inside moto ("dictionary changed size during
iteration"), the provider retries, and the retry is refused with EntityAlreadyExists. Served one at
a time, every request sees a consistent account.
"""
import json
import sys

import moto.server
from moto.s3 import models as s3_models
from werkzeug.serving import run_simple


def log_delivery_allowed(target_bucket, target_prefix):
    """moto 5.2's check that a log bucket's policy lets S3's logging service write, tolerant of
    statements whose Principal is the string "*" (the TLS-only deny every bucket here carries):
    moto's own check reads every Principal as an object and answers PutBucketLogging with a 500."""
    if not target_bucket.policy:
        return False
    prefix = target_prefix or ""
    bucket_arn = f"arn:{target_bucket.partition}:s3:::{target_bucket.name}"
    for stmt in json.loads(target_bucket.policy.decode())["Statement"]:
        principal = stmt.get("Principal")
        if not isinstance(principal, dict) or principal.get("Service") != s3_models.LOGGING_SERVICE_PRINCIPAL:
            continue
        actions = stmt.get("Action", [])
        resources = stmt.get("Resource")
        resources = resources if isinstance(resources, list) else [resources]
        if stmt.get("Effect") == "Allow" and "s3:PutObject" in (actions if isinstance(actions, list) else [actions]) and any(
            r in (f"{bucket_arn}/{prefix}*", f"{bucket_arn}/*", bucket_arn) for r in resources
        ):
            return True
    return False


s3_models.FakeBucket._log_permissions_enabled_policy = staticmethod(log_delivery_allowed)


def one_request_at_a_time(*args, **kwargs):
    kwargs["threaded"] = False
    run_simple(*args, **kwargs)


moto.server.run_simple = one_request_at_a_time
moto.server.main(sys.argv[1:])
