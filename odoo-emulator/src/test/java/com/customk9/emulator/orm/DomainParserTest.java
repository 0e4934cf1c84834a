package com.customk9.emulator.orm;

import static com.customk9.emulator.orm.InMemoryOdoo.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.orm.Domain.And;
import com.customk9.emulator.orm.Domain.Constant;
import com.customk9.emulator.orm.Domain.Leaf;
import com.customk9.emulator.orm.Domain.Not;
import com.customk9.emulator.orm.Domain.Or;

class DomainParserTest {

    @Test
    void emptyOrMissingDomainMatchesEverything() {
        assertThat(Domain.parse(List.of())).isEqualTo(Domain.TRUE);
        assertThat(Domain.parse(null)).isEqualTo(Domain.TRUE);
    }

    @Test
    void consecutiveTermsAreJoinedByAnImplicitAnd() {
        Domain.Node node = Domain.parse(List.of(leaf("a", "=", 1), leaf("b", "=", 2), leaf("c", "=", 3)));
        assertThat(node).isInstanceOf(And.class);
        And outer = (And) node;
        assertThat(outer.left()).isInstanceOf(And.class);
        assertThat(((Leaf) outer.right()).field()).isEqualTo("c");
    }

    @Test
    void orBindsItsTwoOperandsBeforeTheImplicitAnd() {
        Domain.Node node = Domain.parse(List.of("|", leaf("a", "=", 1), leaf("b", "=", 2), leaf("c", "=", 3)));
        And and = (And) node;
        assertThat(and.left()).isInstanceOf(Or.class);
        assertThat(((Leaf) and.right()).field()).isEqualTo("c");
    }

    @Test
    void notTakesOneOperand() {
        Domain.Node node = Domain.parse(List.of("!", leaf("a", "=", 1)));
        assertThat(node).isInstanceOf(Not.class);
        assertThat(((Leaf) ((Not) node).child()).field()).isEqualTo("a");
    }

    @Test
    void operatorsAreCaseInsensitiveAndDiamondMeansNotEqual() {
        Leaf leaf = (Leaf) Domain.parse(List.of(leaf("name", "ILIKE", "x")));
        assertThat(leaf.operator()).isEqualTo("ilike");
        assertThat(((Leaf) Domain.parse(List.of(leaf("name", "<>", "x")))).operator()).isEqualTo("!=");
    }

    @Test
    void dottedFieldsAreSplitIntoAPath() {
        Leaf leaf = (Leaf) Domain.parse(List.of(leaf("partner_id.parent_id.name", "=", "Acme")));
        assertThat(leaf.path()).containsExactly("partner_id", "parent_id", "name");
    }

    @Test
    void oneEqualsOneAndZeroEqualsOneAreTheTrueAndFalseLeaves() {
        assertThat(Domain.parse(List.of(List.of(1, "=", 1)))).isEqualTo(new Constant(true));
        assertThat(Domain.parse(List.of(List.of(0, "=", 1)))).isEqualTo(new Constant(false));
    }

    @Test
    void rejectsOperatorsWithoutEnoughOperands() {
        assertThatThrownBy(() -> Domain.parse(List.of("&", leaf("a", "=", 1))))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Domain ['&', ['a', '=', 1]] is syntactically not correct.");
        assertThatThrownBy(() -> Domain.parse(List.of("|"))).isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> Domain.parse(List.of("!"))).isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void rejectsTermsThatAreNotTriples() {
        assertThatThrownBy(() -> Domain.parse(List.of(List.of("name", "="))))
                .isInstanceOf(OdooException.ValueError.class).hasMessage("Invalid leaf ['name', '=']");
        assertThatThrownBy(() -> Domain.parse(List.of(List.of("name", "=", "x", "y"))))
                .isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void rejectsUnknownOperators() {
        assertThatThrownBy(() -> Domain.parse(List.of(leaf("name", "contains", "x"))))
                .isInstanceOf(OdooException.ValueError.class).hasMessage("Invalid leaf ('name', 'contains', 'x')");
        assertThatThrownBy(() -> Domain.parse(List.of(leaf("name", "==", "x"))))
                .isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void rejectsStrayTokensAndNonStringFields() {
        assertThatThrownBy(() -> Domain.parse(List.of("nonsense"))).isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Invalid leaf 'nonsense'");
        assertThatThrownBy(() -> Domain.parse(List.of(leaf(null, "=", 1)))).isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> Domain.parse(List.of(List.of(2, "=", 1)))).isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> Domain.parse(List.of(leaf("a..b", "=", 1)))).isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void anyNeedsASubDomain() {
        assertThatThrownBy(() -> Domain.parse(List.of(leaf("tag_ids", "any", "x"))))
                .isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void detectsWhetherATermNamesActive() {
        assertThat(Domain.mentionsActive(Domain.parse(List.of("|", leaf("name", "=", 1), leaf("active", "=", false)))))
                .isTrue();
        assertThat(Domain.mentionsActive(Domain.parse(List.of(leaf("owner_id.active", "=", true))))).isFalse();
    }
}
