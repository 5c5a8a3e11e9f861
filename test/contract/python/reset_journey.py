"""The whole password-reset journey through the real, unmodified softlayer-python SDK.

usage: reset_journey.py BASE_URL xmlrpc|rest SERVICE USERNAME EMAIL NEW_PASSWORD [ANSWER]
Prints one JSON object with what each step returned.
"""
import json
import sys

import SoftLayer
from SoftLayer.auth import BasicHTTPAuthentication

from sandbox import fault_of, latest_reset_key

base_url, wire, service, username, email, new_password = sys.argv[1:7]
answer = sys.argv[7] if len(sys.argv) > 7 else None
endpoint = f"{base_url}/{'rest' if wire == 'rest' else 'xmlrpc'}/v3.1/"

client = SoftLayer.create_client_from_env(endpoint_url=endpoint, timeout=20)
out = {"transport": type(client.transport).__name__}

out["initiate"] = client.call(service, "initiatePortalPasswordChange", username)
key = latest_reset_key(base_url, email)

user_id = client.call(service, "getUserIdForPasswordSet", key)
out["userId"] = user_id

requirements = client.call(service, "getRequirementsForPasswordSet", {"key": key}, id=user_id)
out["requirements"] = requirements

password_set = {"key": key, "password": new_password}
if requirements["securityQuestions"]:
    password_set["answeredSecurityQuestionId"] = requirements["securityQuestions"][0]["id"]
    wrong = dict(password_set, securityAnswer="definitely not it")
    out["wrongAnswer"] = fault_of(
        lambda: client.call(service, "processPasswordSetRequest", wrong, {}, id=user_id))
    password_set["securityAnswer"] = answer

weak = dict(password_set, password="weak")
out["weakPassword"] = fault_of(
    lambda: client.call(service, "processPasswordSetRequest", weak, {}, id=user_id))

out["process"] = client.call(service, "processPasswordSetRequest", password_set, {}, id=user_id)
out["reusedKey"] = fault_of(
    lambda: client.call(service, "processPasswordSetRequest", password_set, {}, id=user_id))
out["unknownKey"] = fault_of(lambda: client.call(service, "getUserIdForPasswordSet", "no-such-key"))

token_user_id, token = client.authenticate_with_password(username, new_password)
out["loginUserId"] = token_user_id

if wire == "xmlrpc":
    out["getObject"] = client.call(service, "getObject", id=token_user_id)
else:
    # softlayer-python's REST transport cannot send a PortalLoginToken (it turns the header into
    # query-string key names), so that call fails; softlayer-go sends the token as HTTP Basic
    # userId:hash, which the same SDK can do with BasicHTTPAuthentication.
    out["tokenOverRest"] = fault_of(lambda: client.call(service, "getObject", id=token_user_id))
    basic = SoftLayer.API.BaseClient(
        auth=BasicHTTPAuthentication(str(token_user_id), token), transport=client.transport)
    out["getObject"] = basic.call(service, "getObject", id=token_user_id)

print(json.dumps(out))
