package com.customk9.odoo.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.domain.Domain;

class CacheKeyTest {

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static CacheKey key(String model, String method, String identity, Object arguments) {
        return CacheKey.of("odoo", "customk9", model, method, identity, arguments);
    }

    @Test
    void namesModelMethodAndIdentityReadably() {
        CacheKey key = key("customk9.dog", "search_read", "integration", args("limit", 20));

        assertThat(key.value()).matches("odoo:customk9:c:customk9\\.dog:search_read:integration:[0-9a-f]{32}");
        assertThat(key.model()).isEqualTo("customk9.dog");
    }

    @Test
    void ignoresTheOrderOfArgumentKeysAtEveryLevel() {
        Object first = args("domain", Domain.where("a", "=", 1).toList(), "kw", args("x", 1, "y", 2));
        Object second = args("kw", args("y", 2, "x", 1), "domain", Domain.where("a", "=", 1).toList());

        assertThat(key("m", "read", "integration", first)).isEqualTo(key("m", "read", "integration", second));
    }

    @Test
    void differsWhenAnythingThatChangesTheAnswerDiffers() {
        Object base = args("ids", List.of(1, 2), "fields", List.of("name"));
        CacheKey reference = key("customk9.dog", "read", "integration", base);

        assertThat(key("customk9.dog", "read", "user:7", base)).isNotEqualTo(reference);
        assertThat(key("customk9.dog", "read", "user:8", base)).isNotEqualTo(key("customk9.dog", "read", "user:7", base));
        assertThat(key("res.partner", "read", "integration", base)).isNotEqualTo(reference);
        assertThat(key("customk9.dog", "search_read", "integration", base)).isNotEqualTo(reference);
        assertThat(key("customk9.dog", "read", "integration", args("ids", List.of(2, 1), "fields", List.of("name"))))
                .isNotEqualTo(reference);
        assertThat(key("customk9.dog", "read", "integration", args("ids", List.of(1, 2), "fields", List.of("name", "breed"))))
                .isNotEqualTo(reference);
        assertThat(CacheKey.of("odoo", "other_db", "customk9.dog", "read", "integration", base)).isNotEqualTo(reference);
    }

    @Test
    void indexesAreScopedByDatabaseModelAndRecord() {
        assertThat(CacheKey.modelIndex("odoo", "customk9", "customk9.dog")).isEqualTo("odoo:customk9:i:customk9.dog");
        assertThat(CacheKey.queryIndex("odoo", "customk9", "customk9.dog")).isEqualTo("odoo:customk9:i:customk9.dog:q");
        assertThat(CacheKey.recordIndex("odoo", "customk9", "customk9.dog", 42)).isEqualTo("odoo:customk9:i:customk9.dog:42");
    }

    @Test
    void canonicalJsonSortsKeysButKeepsListOrder() {
        assertThat(CacheKey.canonicalJson(args("b", List.of(3, 1), "a", args("d", 1, "c", false))))
                .isEqualTo("{\"a\":{\"c\":false,\"d\":1},\"b\":[3,1]}");
    }
}
