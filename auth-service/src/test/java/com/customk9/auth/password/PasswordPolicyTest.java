package com.customk9.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problems("Walkies-2026!", "dana@example.org")).isEmpty();
        assertThat(PasswordPolicy.problems("correct horse battery 9", "dana@example.org")).isEmpty();
    }

    @Test
    void refusesShortOnlyLettersOnlyDigitsAndCommonOnes() {
        assertThat(PasswordPolicy.problems("Ab1!", null)).contains("must be at least 10 characters long");
        assertThat(PasswordPolicy.problems("abcdefghijklmno", null)).contains("must not be only letters or only digits");
        assertThat(PasswordPolicy.problems("12345678901234", null)).contains("must not be only letters or only digits");
        assertThat(PasswordPolicy.problems("Password123", null)).contains("is too common");
        assertThat(PasswordPolicy.problems("x1".repeat(65), null)).contains("must be at most 128 characters long");
        assertThat(PasswordPolicy.problems("", null)).containsExactly("is required");
    }

    @Test
    void refusesTheEmailAddressOrItsName() {
        assertThat(PasswordPolicy.problems("dana.smith-2026", "Dana.Smith@example.org"))
                .contains("must not contain your e-mail address");
        assertThat(PasswordPolicy.problems("dana@example.org", "dana@example.org"))
                .contains("must not contain your e-mail address");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(PasswordPolicy.problems("🐕🐕🐕🐕🐕1", null)).contains("must be at least 10 characters long");
    }
}
