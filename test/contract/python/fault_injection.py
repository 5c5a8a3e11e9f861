"""Faults injected through slemu's control API, as the real softlayer-python SDK sees them.

usage: fault_injection.py BASE_URL xmlrpc|rest USERNAME API_KEY USER_ID
Prints one JSON object: the injected fault, the call after it, and timed calls.
"""
import json
import sys
import time

import SoftLayer

from sandbox import add_fault, fault_of

base_url, wire, username, api_key, user_id = sys.argv[1:6]
endpoint = f"{base_url}/{'rest' if wire == 'rest' else 'xmlrpc'}/v3.1/"
client = SoftLayer.create_client_from_env(
    username=username, api_key=api_key, endpoint_url=endpoint, timeout=20)
service = "SoftLayer_User_Customer"
out = {}


def get_object():
    return client.call(service, "getObject", id=int(user_id))


def timed(call):
    started = time.monotonic()
    call()
    return time.monotonic() - started


add_fault(base_url, {
    "service": service, "method": "getObject", "calls": 1,
    "exception": "SoftLayer_Exception_Network_Timeout", "message": "Injected: try again later"})
out["injected"] = fault_of(get_object)
out["afterwards"] = get_object()["username"]

add_fault(base_url, {"service": service, "method": "getObject", "latencyMs": 1500, "calls": 1})
out["slowSeconds"] = timed(get_object)

print(json.dumps(out))
