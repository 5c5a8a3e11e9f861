"""Masks, filters, limits and paging through the real, unmodified softlayer-python SDK.

usage: lists.py BASE_URL xmlrpc|rest
Prints one JSON object with what each call returned.
"""
import json
import sys

import SoftLayer

from sandbox import fault_of

SL1001_KEY = "0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899"

base_url, wire = sys.argv[1:3]
client = SoftLayer.create_client_from_env(
    username="SL1001", api_key=SL1001_KEY, endpoint_url=f"{base_url}/{wire}/v3.1/", timeout=20)
out = {}

out["iterIds"] = [user["id"] for user in client.iter_call(
    "SoftLayer_Account", "getUsers", mask="mask[id,username]", limit=2)]

# What newer SDKs' iter_call send: an id orderBy beside the relation, at the root of the filter.
newer_filter = {
    "users": {"userStatusId": {"operation": 1001}},
    "id": {"operation": "orderBy", "options": [{"name": "sort", "value": ["DESC"]}]},
}
out["iterActiveDesc"] = [user["id"] for user in client.iter_call(
    "SoftLayer_Account", "getUsers", mask="id", filter=newer_filter, limit=2)]

out["maskedUser"] = client.call(
    "SoftLayer_User_Customer", "getObject", id=7002, mask="mask[id,username,userStatus[keyName]]")
out["legacyMaskedUser"] = client.call(
    "SoftLayer_User_Customer", "getObject", id=7002, mask="id,parent.username")
out["filteredUsers"] = client.call(
    "SoftLayer_Account", "getUsers", mask="mask[id,username]",
    filter={"users": {"username": {"operation": "^= pe"}}})

page = client.call("SoftLayer_Account", "getUsers", mask="id", limit=2, offset=1)
out["page"] = list(page)
out["pageTotal"] = page.total_count

out["account"] = client.call("SoftLayer_Account", "getObject")
out["badMask"] = fault_of(lambda: client.call(
    "SoftLayer_User_Customer", "getObject", id=7002, mask="mask[id,userData]"))

print(json.dumps(out))
