package com.customk9.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class JsonErrorDetailsTest {

    enum Crate { SMALL, LARGE }

    @Test
    void describesTypesInJsonTermsNotJavaNames() {
        assertThat(JsonErrorDetails.describe(String.class)).isEqualTo("a string");
        assertThat(JsonErrorDetails.describe(int.class)).isEqualTo("an integer");
        assertThat(JsonErrorDetails.describe(Long.class)).isEqualTo("an integer");
        assertThat(JsonErrorDetails.describe(BigDecimal.class)).isEqualTo("a number");
        assertThat(JsonErrorDetails.describe(boolean.class)).isEqualTo("a boolean");
        assertThat(JsonErrorDetails.describe(LocalDate.class)).isEqualTo("a date (YYYY-MM-DD)");
        assertThat(JsonErrorDetails.describe(OffsetDateTime.class)).isEqualTo("a date-time (ISO 8601)");
        assertThat(JsonErrorDetails.describe(UUID.class)).isEqualTo("a UUID string");
        assertThat(JsonErrorDetails.describe(List.class)).isEqualTo("an array");
        assertThat(JsonErrorDetails.describe(Crate.class)).isEqualTo("one of [SMALL, LARGE]");
        assertThat(JsonErrorDetails.describe(JsonErrorDetailsTest.class)).isEqualTo("an object");
    }
}
