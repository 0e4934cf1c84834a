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
}
