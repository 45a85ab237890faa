"""Reading a request's JSON body the one way every route does."""
from flask import jsonify, request


def read_strings(*names):
    """The body's string fields `names`, or the 400 answer naming the first one missing or empty."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, (jsonify(msg="The request body must be a JSON object"), 400)
    values = []
    for name in names:
        value = body.get(name)
        if not isinstance(value, str) or value == "":
            return None, (jsonify(msg=f"{name} must be a non-empty string"), 400)
        values.append(value)
    return values, None
