package com.customk9.auth;

/**
 * Worked request bodies for the OpenAPI document, one per operation that takes a JSON body. Annotations
 * need compile-time constants, so they live here as text; {@code OpenApiTest} checks that each one is
 * valid JSON that names only fields of its operation's schema.
 */
public final class OpenApiExamples {

    public static final String LOGIN = """
            {"email": "anna.client@customk9.example", "password": "client"}""";

    public static final String REFRESH = """
            {"refresh": "Zk3v0m1QwYb8n2Xc6Lp9Ht4Ra7Sd5Fg1Jk0Lz8XcQe3"}""";

    public static final String REGISTRATION = """
            {"name": "Ben Walker", "email": "ben.walker@example.com", "password": "Correct-Horse-42",
             "phone": "+1 (555) 010-2040"}""";

    public static final String PASSWORD_CHANGE = """
            {"current_password": "client", "new_password": "Stronger-Secret-77"}""";

    public static final String PASSWORD_RESET = """
            {"email": "anna.client@customk9.example"}""";

    public static final String PASSWORD_RESET_CONFIRMATION = """
            {"token": "8Hq2Lm5Vx0Tb3Nc7Ws1Ky4Gd6Fj9Ra2Pe5UzT0wYhB", "new_password": "Stronger-Secret-77"}""";

    public static final String SETTINGS = """
            {"language": "fr_FR", "timezone": "Europe/Paris", "theme": "dark",
             "notifications": {"email": true, "push": false}}""";

    private OpenApiExamples() {
    }
}
