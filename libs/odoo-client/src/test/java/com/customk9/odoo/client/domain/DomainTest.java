package com.customk9.odoo.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void writesASingleLeafAsAOneElementList() {
        assertThat(Domain.where("partner_id", "=", 7).toJson()).isEqualTo("[[\"partner_id\",\"=\",7]]");
    }

    @Test
    void writesAndInPrefixNotation() {
        Domain domain = Domain.where("partner_id", "=", 7).and("active", "=", true);

        assertThat(domain.toJson()).isEqualTo("[\"&\",[\"partner_id\",\"=\",7],[\"active\",\"=\",true]]");
    }

    @Test
    void combinesLeftAssociatively() {
        Domain domain = Domain.where("a", "=", 1).and("b", "=", 2).or("c", "=", 3);

        assertThat(domain.toJson())
                .isEqualTo("[\"|\",\"&\",[\"a\",\"=\",1],[\"b\",\"=\",2],[\"c\",\"=\",3]]");
    }

    @Test
    void nestsAGroupPassedAsADomain() {
        Domain domain = Domain.where("a", "=", 1).and(Domain.where("b", "=", 2).or("c", "=", 3));

        assertThat(domain.toJson())
                .isEqualTo("[\"&\",[\"a\",\"=\",1],\"|\",[\"b\",\"=\",2],[\"c\",\"=\",3]]");
    }

    @Test
    void negatesWithBang() {
        assertThat(Domain.not(Domain.where("state", "=", "done")).toJson())
                .isEqualTo("[\"!\",[\"state\",\"=\",\"done\"]]");
    }

    @Test
    void nAryAllOfUsesOneOperatorPerExtraTerm() {
        Domain domain = Domain.allOf(Domain.where("a", "=", 1), Domain.where("b", "=", 2), Domain.where("c", "=", 3));

        assertThat(domain.toList()).containsExactly("&", "&",
                List.of("a", "=", 1), List.of("b", "=", 2), List.of("c", "=", 3));
    }

    @Test
    void emptyDomainMatchesEverythingAndVanishesInAnd() {
        assertThat(Domain.all().toJson()).isEqualTo("[]");
        assertThat(Domain.all().and("a", "=", 1)).isEqualTo(Domain.where("a", "=", 1));
        assertThat(Domain.where("a", "=", 1).or(Domain.all())).isEqualTo(Domain.all());
    }

    @Test
    void negatingEverythingMatchesNothing() {
        assertThat(Domain.not(Domain.all())).isEqualTo(Domain.none());
        assertThat(Domain.anyOf()).isEqualTo(Domain.none());
        assertThat(Domain.none().toJson()).isEqualTo("[[\"id\",\"in\",[]]]");
    }

    @Test
    void writesValuesTheWayOdooReadsThem() {
        Domain domain = Domain.where("date", ">=", LocalDate.of(2026, 3, 15))
                .and("write_date", "<", LocalDateTime.of(2026, 3, 15, 8, 30, 5))
                .and("create_date", "<", Instant.parse("2026-03-15T10:00:00Z"))
                .and("parent_id", "=", null)
                .and("id", "in", Set.of(4));

        assertThat(domain.toJson()).isEqualTo("[\"&\",\"&\",\"&\",\"&\","
                + "[\"date\",\">=\",\"2026-03-15\"],"
                + "[\"write_date\",\"<\",\"2026-03-15 08:30:05\"],"
                + "[\"create_date\",\"<\",\"2026-03-15 10:00:00\"],"
                + "[\"parent_id\",\"=\",false],"
                + "[\"id\",\"in\",[4]]]");
    }

    @Test
    void acceptsEveryOdooOperatorAndDottedPaths() {
        for (Operator operator : Operator.values()) {
            Object value = operator.takesList() ? List.of(1, 2) : "x";
            assertThat(Domain.where("partner_id.name", operator.symbol(), value).toList())
                    .containsExactly(List.of("partner_id.name", operator.symbol(), value));
        }
        assertThat(Operator.of("NOT ILIKE")).isEqualTo(Operator.NOT_ILIKE);
        assertThat(Operator.of("<>")).isEqualTo(Operator.NE);
    }

    @Test
    void rejectsUnknownOperatorsBadFieldsAndMisplacedLists() {
        assertThatThrownBy(() -> Domain.where("name", "contains", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains");
        assertThatThrownBy(() -> Domain.where("name'; drop", "=", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Domain.where("id", "in", 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection");
        assertThatThrownBy(() -> Domain.where("id", "=", List.of(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single value");
        assertThatThrownBy(() -> Domain.where("name", "=", new Object()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalDomainsAreEqualAndPrintAsJson() {
        assertThat(Domain.where("a", "=", 1).and("b", "=", 2))
                .isEqualTo(Domain.where("a", "=", 1).and("b", "=", 2))
                .hasSameHashCodeAs(Domain.where("a", "=", 1).and("b", "=", 2))
                .hasToString("[\"&\",[\"a\",\"=\",1],[\"b\",\"=\",2]]");
    }
}
