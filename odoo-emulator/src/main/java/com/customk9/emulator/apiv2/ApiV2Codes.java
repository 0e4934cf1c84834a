package com.customk9.emulator.apiv2;

/** The error codes /api/v2 answers in {@code error.code}, with their HTTP status. */
public final class ApiV2Codes {

    /** 400: a parameter or body value is missing or wrong, or Odoo raised a ValidationError/UserError. */
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    /** 400: the body is not JSON, or not the JSON object the endpoint needs. */
    public static final String INVALID_JSON = "INVALID_JSON";
    /** 401: neither an api-key nor a session-token header on an endpoint that accepts both. */
    public static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    /** 401: an API-key-only endpoint (auth/test, user/info, partners, products) got no api-key header. */
    public static final String API_KEY_REQUIRED = "API_KEY_REQUIRED";
    /** 401: auth/refresh or auth/logout got no session-token header. */
    public static final String SESSION_TOKEN_REQUIRED = "SESSION_TOKEN_REQUIRED";
    /** 401: the api-key header matches no active user's key. */
    public static final String INVALID_API_KEY = "INVALID_API_KEY";
    /** 401: the session-token is unknown, logged out or replaced by a refresh. */
    public static final String INVALID_SESSION = "INVALID_SESSION";
    /** 401: the session-token expired (refreshable within the grace period), or the grace period is over too. */
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";
    /** 401: auth/login with a wrong username or password. */
    public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    /** 403: authenticated, but Odoo's access rights refuse it (or an admin-only endpoint). */
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    /** 404: no such record (or user). */
    public static final String RECORD_NOT_FOUND = "RECORD_NOT_FOUND";
    /** 404: no such model. */
    public static final String MODEL_NOT_FOUND = "MODEL_NOT_FOUND";
    /** 404: no such /api/v2 endpoint. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** 405: the endpoint exists with another HTTP method. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** 409: PostgreSQL refused a concurrent update (psycopg2 SerializationFailure); retrying may succeed. */
    public static final String SERIALIZATION_FAILURE = "SERIALIZATION_FAILURE";
    /** 500: anything else (including injected server errors). */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ApiV2Codes() {
    }
}
