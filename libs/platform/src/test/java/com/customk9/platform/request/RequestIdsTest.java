package com.customk9.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAWellFormedId() {
        assertThat(RequestIds.acceptOrCreate("gw-1700000000-abc.def_1")).isEqualTo("gw-1700000000-abc.def_1");
    }

    @Test
    void replacesMissingOversizedOrHostileIds() {
        assertThat(RequestIds.acceptOrCreate(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrCreate("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrCreate("a".repeat(129))).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrCreate("id\r\nSet-Cookie: x=1")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrCreate("{\"json\": 1}")).matches("[0-9a-f-]{36}");
    }

    @Test
    void keepsEveryAllowedCharacterAndTheLongestAllowedId() {
        String all = "AZaz09._:-";
        assertThat(RequestIds.acceptOrCreate(all)).isEqualTo(all);
        assertThat(RequestIds.acceptOrCreate("a".repeat(128))).isEqualTo("a".repeat(128));
        assertThat(RequestIds.acceptOrCreate("a b")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrCreate("é")).matches("[0-9a-f-]{36}");
    }

    @Test
    void createsDistinctVersion4Uuids() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            java.util.UUID id = java.util.UUID.fromString(RequestIds.acceptOrCreate(null));
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id.toString());
        }
        assertThat(ids).hasSize(10_000);
    }
}
