package com.customk9.auth.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * What a new password must be (NIST SP 800-63B in spirit: length over composition rules): 10 to 128
 * characters, not only letters or only digits, not one of the most common passwords, not the e-mail
 * address or its name part. Checked before Odoo sees the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password123", "password1234", "1234567890", "qwertyuiop",
            "123456789a", "iloveyou123", "password12", "qwerty1234", "abcdefghij", "letmein123", "welcome123",
            "customk9123", "dogtraining1", "1q2w3e4r5t", "passw0rd123");

    private PasswordPolicy() {
    }

    /** The reasons {@code password} is refused for the account with {@code email}; empty when it is fine. */
    public static List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("is required");
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.chars().allMatch(Character::isLetter) || password.chars().allMatch(Character::isDigit)) {
            problems.add("must not be only letters or only digits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            problems.add("is too common");
        }
        if (email != null && !email.isBlank()) {
            String address = email.trim().toLowerCase(Locale.ROOT);
            String name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.equals(address) || (name.length() >= 4 && lower.contains(name))) {
                problems.add("must not contain your e-mail address");
            }
        }
        return problems;
    }

    /** Fails with a 400 naming {@code field} when the password breaks the policy. */
    public static void require(String field, String password, String email) {
        List<String> problems = problems(password, email);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(),
                    Map.of(field, problems));
        }
    }
}
