package com.customk9.odoo.client.batch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelationTest {

    @Test
    void insistsOnExplicitFields() {
        assertThatThrownBy(() -> Relation.of("owner_id", "res.partner")).isInstanceOf(IllegalArgumentException.class);
    }
}
