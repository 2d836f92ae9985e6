#!/usr/bin/env python3
"""moto's server (`python3 -m moto.server`, same arguments) answering one request at a time, with
one of its checks of bucket logging made tolerant (see log_delivery_allowed) and IAM creates
idempotent for the SDK's retries (see AnswersRetriedCreates).

Terraform sends up to ten requests at once. moto's backends are not safe for concurrent writes:
under load, parallel CreateRole calls fail inside moto ("dictionary changed size during
iteration"), the provider retries, and the retry is refused with EntityAlreadyExists. Served one at
a time, every request sees a consistent account.
"""
import io
import json
import sys
import time

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


class AnswersRetriedCreates:
    """A retried IAM create gets the first attempt's answer instead of EntityAlreadyExists.

    The AWS SDK retries a request whose answer it did not read whole (a reset connection), even
    when the server had carried it out; moto then refuses the retry of a CreateRole it has just
    done with EntityAlreadyExists, and the deploy fails on a role it created itself. An answer
    is replayed only when moto refuses a request byte for byte identical to one it carried out
    within the last minute, so a resource deleted by hand is still created again, and a second
    resource of the same name (a different request) is still refused.
    """

    WINDOW_SECONDS = 60

    def __init__(self, app):
        self.app = app
        self.answered = {}  # request body -> (time, status, headers, body) of its successful answer

    def __call__(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if environ.get("REQUEST_METHOD") != "POST" or length == 0:
            return self.app(environ, start_response)
        request = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(request)
        if b"Action=Create" not in request:
            return self.app(environ, start_response)

        answer = {}

        def capture(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)
            return lambda data: None

        body = b"".join(self.app(environ, capture))
        now = time.monotonic()
        earlier = self.answered.get(request)
        if answer["status"].startswith("409") and earlier and now - earlier[0] < self.WINDOW_SECONDS:
            print(f"replayed the answer to a retried request: {request[:80]!r}", file=sys.stderr, flush=True)
            _, status, headers, body = earlier
        else:
            status, headers = answer["status"], answer["headers"]
            if status.startswith("2"):
                self.answered = {r: a for r, a in self.answered.items() if now - a[0] < self.WINDOW_SECONDS}
                self.answered[request] = (now, status, headers, body)
        start_response(status, headers)
        return [body]


def one_request_at_a_time(hostname, port, application, **kwargs):
    kwargs["threaded"] = False
    run_simple(hostname, port, AnswersRetriedCreates(application), **kwargs)


moto.server.run_simple = one_request_at_a_time
moto.server.main(sys.argv[1:])
