"""One branch of the password set through the real, unmodified softlayer-python SDK.

usage: password_branches.py BASE_URL xmlrpc|rest BRANCH
Prints one JSON object with what each step returned or which fault it raised.
"""
import json
import sys

import SoftLayer

from sandbox import advance_clock, clock_now, fault_of, latest_reset_key, set_phone, totp

SERVICE = "SoftLayer_User_Customer"
NEW_PASSWORD = "Branch#Pass42"
TOTP_TYPE = "SoftLayer_Container_User_Customer_External_Binding_Totp"
VERISIGN_TYPE = "SoftLayer_Container_User_Customer_External_Binding_Verisign"
BRAND_AGENT_KEY = "b7a2d000000000000000000000000000000000000000000000000000000b7a2d"
BRAND_CLERK_KEY = "c1e2c000000000000000000000000000000000000000000000000000000c1e2c"
BY_AGENT = "initiatePortalPasswordChangeByBrandAgent"

base_url, wire, branch = sys.argv[1:4]
endpoint = f"{base_url}/{'rest' if wire == 'rest' else 'xmlrpc'}/v3.1/"
client = SoftLayer.create_client_from_env(endpoint_url=endpoint, timeout=20)
out = {}


def client_as(username, api_key):
    return SoftLayer.create_client_from_env(
        username=username, api_key=api_key, endpoint_url=endpoint, timeout=20)


def initiate(username):
    return client.call(SERVICE, "initiatePortalPasswordChange", username)


def reset_key(username, email):
    initiate(username)
    return latest_reset_key(base_url, email)


def requirements(user_id, key):
    return client.call(SERVICE, "getRequirementsForPasswordSet", {"key": key}, id=user_id)


def process(user_id, password_set, binding=None, method="processPasswordSetRequest"):
    container = dict({"password": NEW_PASSWORD}, **password_set)
    return client.call(SERVICE, method, container, binding or {}, id=user_id)


def attempt(name, call):
    """Records a call that should fail under `name`."""
    out[name] = fault_of(call)


def login(username, password=NEW_PASSWORD):
    user_id, _token = client.authenticate_with_password(username, password)
    return user_id


def sl1002():
    key = reset_key("SL1002", "sl1002@example.com")
    out["methods"] = requirements(7010, key)["authenticationMethods"]
    out["process"] = process(7010, {"key": key})
    out["login"] = login("SL1002")


def sl1003():
    attempt("initiate", lambda: initiate("SL1003"))


def bob():
    key = reset_key("bob", "bob@example.com")
    needs = requirements(7003, key)
    out["methods"] = needs["authenticationMethods"]
    question = needs["securityQuestions"][0]["id"]
    answered = {"key": key, "answeredSecurityQuestionId": question, "securityAnswer": "Austin"}

    code = totp("JBSWY3DPEHPK3PXP", clock_now(base_url))
    attempt("noAnswer", lambda: process(7003, {"key": key}, {"securityCode": code}))
    attempt("noCode", lambda: process(7003, answered))
    wrong = f"{(int(code) + 500000) % 1000000:06d}"
    totp_binding = lambda code: {"complexType": TOTP_TYPE, "securityCode": code}
    attempt("wrongCode", lambda: process(7003, answered, totp_binding(wrong)))
    out["process"] = process(7003, answered, totp_binding(code))

    again = dict(answered, key=reset_key("bob", "bob@example.com"))
    attempt("replayedCode", lambda: process(7003, again, totp_binding(code)))
    out["login"] = login("bob")


def carol():
    key = reset_key("carol", "carol@example.com")
    out["methods"] = requirements(7004, key)["authenticationMethods"]
    attempt("noCode", lambda: process(7004, {"key": key}, {"complexType": VERISIGN_TYPE}))
    bobs = totp("JBSWY3DPEHPK3PXP", clock_now(base_url))
    attempt("wrongCode", lambda: process(
        7004, {"key": key}, {"complexType": VERISIGN_TYPE, "securityCode": bobs}))
    code = totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", clock_now(base_url))
    binding = {"complexType": VERISIGN_TYPE, "securityCode": code}
    out["process"] = process(7004, {"key": key}, binding)
    out["login"] = login("carol")


def dave():
    key = reset_key("dave", "dave@example.com")
    out["methods"] = requirements(7005, key)["authenticationMethods"]
    check = "checkPhoneFactorAuthenticationForPasswordSet"
    attempt("placed", lambda: process(7005, {"key": key}))
    attempt("awaiting", lambda: process(7005, {"key": key}, method=check))
    set_phone(base_url, "dave", "deny")
    attempt("denied", lambda: process(7005, {"key": key}, method=check))
    set_phone(base_url, "dave", "approve")
    out["approved"] = process(7005, {"key": key}, method=check)
    out["login"] = login("dave")


def erin():
    attempt("initiate", lambda: initiate("erin"))
    attempt("login", lambda: login("erin", "Erin#Start12"))


def expired():
    key = reset_key("alice", "alice@example.com")
    advance_clock(base_url, 25 * 3600)
    attempt("userId", lambda: client.call(SERVICE, "getUserIdForPasswordSet", key))
    attempt("process", lambda: process(7002, {"key": key}))


def superseded():
    older = reset_key("alice", "alice@example.com")
    newer = reset_key("alice", "alice@example.com")
    attempt("older", lambda: process(7002, {"key": older}))
    out["newer"] = process(7002, {"key": newer})


def rate_limit():
    out["firstFive"] = [initiate("nobody-known") for _ in range(5)]
    attempt("sixth", lambda: initiate("nobody-known"))
    advance_clock(base_url, 3601)
    out["anHourLater"] = initiate("nobody-known")


def lockout():
    key = reset_key("SL1001", "sl1001@example.com")
    answer = lambda text: process(
        7001, {"key": key, "answeredSecurityQuestionId": 1, "securityAnswer": text})
    out["wrongAnswers"] = [fault_of(lambda: answer("Fido"))["faultCode"] for _ in range(10)]
    attempt("locked", lambda: answer("Rex"))
    attempt("loginLocked", lambda: login("SL1001", "Sandbox#1001"))
    advance_clock(base_url, 30 * 60 + 1)
    out["afterThirtyMinutes"] = answer("Rex")
    out["login"] = login("SL1001")


def brand():
    agent = client_as("brandagent", BRAND_AGENT_KEY)
    out["initiate"] = agent.call(SERVICE, BY_AGENT, "SL2002", id=7020)
    key = latest_reset_key(base_url, "sl2002@example.com")
    out["process"] = process(7022, {"key": key})
    out["login"] = login("SL2002")

    clerk = client_as("brandclerk", BRAND_CLERK_KEY)
    attempt("unauthorised", lambda: clerk.call(SERVICE, BY_AGENT, "SL2002", id=7021))
    attempt("notOwned", lambda: agent.call(SERVICE, BY_AGENT, "alice", id=7020))


def neighbourhood():
    owner = client_as("SL1001", "0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899")
    out["requirements"] = owner.call(SERVICE, "getPasswordRequirements", True)
    out["validPassword"] = owner.call(SERVICE, "isValidPortalPassword", "Bob#Start123", id=7003)
    out["invalidPassword"] = owner.call(SERVICE, "isValidPortalPassword", "nope", id=7003)
    attempt("otherAccount", lambda: owner.call(SERVICE, "isValidPortalPassword", "x", id=7010))
    out["questions"] = client.call("SoftLayer_User_Security_Question", "getAllObjects")
    out["question"] = owner.call("SoftLayer_User_Security_Question", "getObject", id=3)


globals()[branch]()
print(json.dumps(out))
