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


def _post_json(url, body):
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def clock_now(base_url):
    """slemu's clock, in seconds since the epoch."""
    import datetime

    with urllib.request.urlopen(f"{base_url}/_slemu/clock") as response:
        now = json.load(response)["now"]
    return datetime.datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()


def advance_clock(base_url, seconds):
    return _post_json(f"{base_url}/_slemu/clock", {"advanceSeconds": seconds})


def set_phone(base_url, username, answer):
    return _post_json(f"{base_url}/_slemu/phone/{urllib.parse.quote(username)}", {"answer": answer})


def totp(base32_secret, epoch_seconds, step_offset=0):
    """The RFC 6238 code (SHA-1, 6 digits, 30 s) an authenticator app shows at that time."""
    import base64
    import hashlib
    import hmac
    import struct

    counter = int(epoch_seconds // 30) + step_offset
    message = struct.pack(">Q", counter)
    digest = hmac.new(base64.b32decode(base32_secret), message, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
