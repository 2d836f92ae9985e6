#!/usr/bin/env python3
"""moto's server (`python3 -m moto.server`, same arguments) answering one request at a time.

Terraform sends up to ten requests at once. moto's backends are not safe for concurrent writes:
under load, parallel CreateRole calls fail inside moto ("dictionary changed size during
iteration"), the provider retries, and the retry is refused with EntityAlreadyExists. Served one at
a time, every request sees a consistent account.
"""
import sys

import moto.server
from werkzeug.serving import run_simple


def one_request_at_a_time(*args, **kwargs):
    kwargs["threaded"] = False
    run_simple(*args, **kwargs)


moto.server.run_simple = one_request_at_a_time
moto.server.main(sys.argv[1:])
