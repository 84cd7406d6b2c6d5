"""The API v3 OpenAPI document as the site publishes it (/api/v3/openapi.json).

Wagtail's document, changed in four ways: every operation lists the error answers
it can give (RFC 7807 problems, `ProblemDetail`), anonymous access is said the way
OpenAPI allows, operations no request can reach are left out, and `limit` declares the
maximum the API enforces (WAGTAILAPI_LIMIT_MAX: a larger one is a 400). `home.api.v3.install()`
puts `with_error_answers` in place of the API's `get_openapi_schema`.
"""

from django.conf import settings

PROBLEM_RESPONSE = {
    "description": "An RFC 7807 problem: what was wrong, in `detail` and `errors`",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}},
}
PROBLEM_SCHEMA = {
    "title": "ProblemDetail",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
ERRORS_BY_METHOD = {
    "get": {
        "400": "Bad parameters",
        "401": "No token or a token that is not valid",
        "403": "A token without the permission",
        "404": "Not found",
    },
    "post": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "patch": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "put": {
        "400": "Bad parameters",
        "401": "No staff token",
        "403": "Not allowed",
        "404": "Not found",
        "422": "Invalid content",
    },
    "delete": {"400": "Bad parameters", "401": "No staff token", "403": "Not allowed", "404": "Not found"},
}

ANONYMOUS_SCHEME = "AllowAnonymous"


def _drop_operations_nothing_can_call(schema):
    """Leave out operations for content types the site does not have.

    Wagtail types a path's `{type}` as the content types that support the
    operation: snippet revisions and publishing need snippets with revisions, and
    this site has none, so the type can only be "" and no request can reach them.
    """
    for path in list(schema.get("paths", {})):
        operations = schema["paths"][path]
        for method in list(operations):
            parameters = operations[method].get("parameters", [])
            if any(param.get("in") == "path" and param.get("schema", {}).get("const") == "" for param in parameters):
                del operations[method]
        if not operations:
            del schema["paths"][path]


def with_error_answers(get_openapi_schema):
    """Wagtail's OpenAPI document (`get_openapi_schema`), plus the error answers each operation can give.

    Wagtail declares anonymous access as a security scheme of its own, of type
    "http" with no scheme, which OpenAPI does not allow. Said the standard way
    instead: an empty requirement (`{}`) beside the bearer token, "a token or none".
    """
    # The document depends on the code only: built once per process (about a second each time otherwise).
    documents = {}

    def openapi_schema_with_errors(*args, **kwargs):
        key = repr((args, sorted(kwargs.items())))
        if key not in documents:
            documents[key] = _with_errors(get_openapi_schema(*args, **kwargs))
        return documents[key]

    return openapi_schema_with_errors


def _with_errors(schema):
    _drop_operations_nothing_can_call(schema)
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {}).setdefault("ProblemDetail", PROBLEM_SCHEMA)
    components.get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if "security" in operation:
                operation["security"] = [
                    {} if ANONYMOUS_SCHEME in requirement else requirement for requirement in operation["security"]
                ]
            for status, description in ERRORS_BY_METHOD.get(method, {}).items():
                operation["responses"].setdefault(status, {**PROBLEM_RESPONSE, "description": description})
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter.get("name") == "limit":
                    parameter.setdefault("schema", {})["maximum"] = settings.WAGTAILAPI_LIMIT_MAX
    return schema
