"""Reads slemu's sandbox endpoints (slemu's own, not SoftLayer's) from the contract scripts."""
import json
import re
import urllib.parse
import urllib.request


def latest_reset_key(base_url, address):
    query = urllib.parse.urlencode({"to": address})
    with urllib.request.urlopen(f"{base_url}/_slemu/outbox?{query}") as response:
        messages = json.load(response)["messages"]
    if not messages:
        raise RuntimeError(f"no email to {address}")
    match = re.search(r"/password/set\?key=([A-Za-z0-9_%-]+)", messages[0]["text"])
    return urllib.parse.unquote(match.group(1))


def fault_of(call):
    """Runs a call that should fail; returns what the SDK exposes of the failure."""
    import SoftLayer

    try:
        call()
    except SoftLayer.SoftLayerAPIError as error:
        return {"faultCode": error.faultCode, "faultString": error.faultString}
    return {"faultCode": None, "faultString": "the call succeeded"}


def add_fault(base_url, spec):
    """Injects a fault through POST /_slemu/faults."""
    request = urllib.request.Request(
        f"{base_url}/_slemu/faults", data=json.dumps(spec).encode(),
        headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)
