package com.customk9.emulator.orm;

import static com.customk9.emulator.orm.InMemoryOdoo.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every domain operator and connective, evaluated over a small in-memory data set. */
class DomainSearchTest {

    private InMemoryOdoo odoo;
    private long acme;
    private long anna;
    private long assistant;
    private long ben;
    private long zoe;
    private long rex;
    private long bella;
    private long max;
    private long ghost;
    private long obedience;
    private long puppies;
    private long post1;
    private long post2;
    private long post3;
    private long morning;
    private long lateEvening;
    private long nextDay;

    @BeforeEach
    void data() {
        odoo = new InMemoryOdoo();
        acme = odoo.create("res.partner", "name", "Acme Corp", "is_company", true, "email", "info@acme.example");
        anna = odoo.create("res.partner", "name", "Anna Smith", "parent_id", acme, "email", "anna@acme.example",
                "customer_rank", 3);
        assistant = odoo.create("res.partner", "name", "Anna's Assistant", "parent_id", anna, "customer_rank", 1);
        ben = odoo.create("res.partner", "name", "Ben Jones", "customer_rank", 0);
        zoe = odoo.create("res.partner", "name", "Zoe Archived", "email", "zoe@example.com", "active", false);
        rex = odoo.create("customk9.dog", "name", "Rex", "owner_id", anna, "weight", 30.5, "birth_date", "2021-04-12",
                "training_level", "intermediate", "notes", "Loves BALLS");
        bella = odoo.create("customk9.dog", "name", "Bella", "owner_id", anna, "weight", 20.0,
                "birth_date", "2023-01-01", "training_level", "beginner");
        max = odoo.create("customk9.dog", "name", "Max", "owner_id", ben, "training_level", "advanced");
        ghost = odoo.create("customk9.dog", "name", "Ghost", "owner_id", ben, "active", false);
        long blog = odoo.create("blog.blog", "name", "Tips");
        obedience = odoo.create("blog.tag", "name", "obedience");
        puppies = odoo.create("blog.tag", "name", "puppies");
        post1 = odoo.create("blog.post", "name", "Recall", "blog_id", blog, "tag_ids", List.of(List.of(6, 0,
                List.of(obedience))));
        post2 = odoo.create("blog.post", "name", "Crates", "blog_id", blog, "tag_ids", List.of(List.of(6, 0,
                List.of(obedience, puppies))));
        post3 = odoo.create("blog.post", "name", "News", "blog_id", blog);
        morning = odoo.create("calendar.event", "name", "Morning", "start", "2024-03-15 10:00:00",
                "stop", "2024-03-15 11:00:00");
        lateEvening = odoo.create("calendar.event", "name", "Late", "start", "2024-03-15 23:30:00",
                "stop", "2024-03-15 23:59:00");
        nextDay = odoo.create("calendar.event", "name", "Next", "start", "2024-03-16 08:00:00",
                "stop", "2024-03-16 09:00:00");
    }

    private List<Long> partners(Object... domain) {
        return odoo.search("res.partner", Arrays.asList(domain));
    }

    private List<Long> dogs(Object... domain) {
        return odoo.search("customk9.dog", Arrays.asList(domain));
    }

    private List<Long> posts(Object... domain) {
        return odoo.search("blog.post", Arrays.asList(domain));
    }

    private List<Long> events(Object... domain) {
        return odoo.search("calendar.event", Arrays.asList(domain));
    }

    @Test
    void equalsMatchesTheExactValue() {
        assertThat(dogs(leaf("name", "=", "Rex"))).containsExactly(rex);
        assertThat(dogs(leaf("name", "=", "rex"))).isEmpty();
        assertThat(dogs(leaf("weight", "=", 20))).containsExactly(bella);
    }

    @Test
    void equalsFalseMatchesUnsetValues() {
        assertThat(partners(leaf("email", "=", false))).containsExactly(assistant, ben);
        assertThat(dogs(leaf("birth_date", "=", false))).containsExactly(max);
        assertThat(partners(leaf("parent_id", "=", false))).containsExactly(acme, ben);
    }

    @Test
    void notEqualsAlsoMatchesUnsetValues() {
        assertThat(partners(leaf("email", "!=", "anna@acme.example"))).containsExactly(acme, assistant, ben);
        assertThat(partners(leaf("parent_id", "!=", acme))).containsExactly(acme, assistant, ben);
    }

    @Test
    void notEqualsFalseMatchesSetValues() {
        assertThat(partners(leaf("email", "!=", false))).containsExactly(acme, anna);
    }

    @Test
    void booleanEqualsFalseMatchesFalseValues() {
        assertThat(partners(leaf("is_company", "=", false))).containsExactly(anna, assistant, ben);
        assertThat(partners(leaf("is_company", "!=", true))).containsExactly(anna, assistant, ben);
        assertThat(partners(leaf("is_company", "=", true))).containsExactly(acme);
    }

    @Test
    void comparisonsCompareNumbersAndNeverMatchUnsetValues() {
        assertThat(dogs(leaf("weight", ">", 20))).containsExactly(rex);
        assertThat(dogs(leaf("weight", ">=", 20))).containsExactly(rex, bella);
        assertThat(dogs(leaf("weight", "<", 30.5))).containsExactly(bella);
        assertThat(dogs(leaf("weight", "<=", 30.5))).containsExactly(rex, bella);
        assertThat(dogs(leaf("weight", "=", false))).containsExactly(max);
        assertThat(partners(leaf("customer_rank", ">", 0))).containsExactly(anna, assistant);
        assertThat(dogs(leaf("birth_date", "<", "2022-01-01"))).containsExactly(rex);
        assertThat(dogs(leaf("birth_date", ">", "2020-01-01"))).containsExactly(rex, bella);
    }

    @Test
    void aDateGivenForADatetimeMeansMidnightOrTheEndOfThatDay() {
        assertThat(events(leaf("start", ">", "2024-03-15"))).containsExactly(nextDay);
        assertThat(events(leaf("start", ">=", "2024-03-15"))).containsExactly(morning, lateEvening, nextDay);
        assertThat(events(leaf("start", "<=", "2024-03-15"))).containsExactly(morning, lateEvening);
        assertThat(events(leaf("start", "<", "2024-03-16"))).containsExactly(morning, lateEvening);
        assertThat(events(leaf("start", "=", "2024-03-16 08:00:00"))).containsExactly(nextDay);
    }

    @Test
    void equalsIfSetIgnoresTheTermWhenTheValueIsFalse() {
        assertThat(dogs(leaf("owner_id", "=?", false))).containsExactly(rex, bella, max);
        assertThat(dogs(leaf("owner_id", "=?", ben))).containsExactly(max);
        assertThat(dogs(leaf("name", "=?", null))).containsExactly(rex, bella, max);
    }

    @Test
    void likeIsACaseSensitiveSubstringMatch() {
        assertThat(dogs(leaf("notes", "like", "BALL"))).containsExactly(rex);
        assertThat(dogs(leaf("notes", "like", "ball"))).isEmpty();
        assertThat(dogs(leaf("name", "like", "e_"))).containsExactly(rex, bella);
    }

    @Test
    void ilikeIgnoresCase() {
        assertThat(dogs(leaf("notes", "ilike", "balls"))).containsExactly(rex);
        assertThat(partners(leaf("name", "ilike", "ANNA"))).containsExactly(anna, assistant);
    }

    @Test
    void notLikeAndNotIlikeAlsoMatchUnsetValues() {
        assertThat(dogs(leaf("notes", "not like", "BALL"))).containsExactly(bella, max);
        assertThat(dogs(leaf("notes", "not ilike", "balls"))).containsExactly(bella, max);
        assertThat(partners(leaf("email", "not ilike", "acme"))).containsExactly(assistant, ben);
    }

    @Test
    void equalsLikeAndEqualsIlikeUseTheValueAsTheWholePattern() {
        assertThat(dogs(leaf("name", "=like", "R%"))).containsExactly(rex);
        assertThat(dogs(leaf("name", "=like", "r%"))).isEmpty();
        assertThat(dogs(leaf("name", "=ilike", "r%"))).containsExactly(rex);
        assertThat(dogs(leaf("name", "=ilike", "ma_"))).containsExactly(max);
        assertThat(dogs(leaf("name", "=like", "Re"))).isEmpty();
    }

    @Test
    void inMatchesAnyListedValueAndFalseInTheListMatchesUnset() {
        assertThat(dogs(leaf("training_level", "in", List.of("beginner", "advanced")))).containsExactly(bella, max);
        assertThat(partners(leaf("email", "in", Arrays.asList("info@acme.example", false))))
                .containsExactly(acme, assistant, ben);
        assertThat(dogs(leaf("id", "in", List.of()))).isEmpty();
        assertThat(dogs(leaf("id", "in", rex))).containsExactly(rex);
    }

    @Test
    void notInExcludesListedValuesAndMatchesUnsetUnlessFalseIsListed() {
        assertThat(partners(leaf("email", "not in", List.of("info@acme.example")))).containsExactly(anna, assistant, ben);
        assertThat(partners(leaf("email", "not in", Arrays.asList("info@acme.example", false)))).containsExactly(anna);
        assertThat(dogs(leaf("id", "not in", List.of()))).containsExactly(rex, bella, max);
    }

    @Test
    void manyToOneAcceptsAnIdANameOrAListOfNames() {
        assertThat(dogs(leaf("owner_id", "=", anna))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id", "=", "Acme Corp, Anna Smith"))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id", "ilike", "jones"))).containsExactly(max);
        assertThat(dogs(leaf("owner_id", "not ilike", "jones"))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id", "in", List.of("Ben Jones")))).containsExactly(max);
        assertThat(dogs(leaf("owner_id", "in", List.of(anna, ben)))).containsExactly(rex, bella, max);
        assertThat(partners(leaf("parent_id", "ilike", "acme"))).containsExactly(anna, assistant);
    }

    @Test
    void manyToManyTermsMatchWhenAnyLinkedRecordMatches() {
        assertThat(posts(leaf("tag_ids", "=", puppies))).containsExactly(post2);
        assertThat(posts(leaf("tag_ids", "in", List.of(obedience, puppies)))).containsExactly(post1, post2);
        assertThat(posts(leaf("tag_ids", "not in", List.of(puppies)))).containsExactly(post1, post3);
        assertThat(posts(leaf("tag_ids", "!=", puppies))).containsExactly(post1, post3);
        assertThat(posts(leaf("tag_ids", "=", false))).containsExactly(post3);
        assertThat(posts(leaf("tag_ids", "!=", false))).containsExactly(post1, post2);
        assertThat(posts(leaf("tag_ids", "ilike", "PUPP"))).containsExactly(post2);
        assertThat(posts(leaf("tag_ids", "not ilike", "pupp"))).containsExactly(post1, post3);
    }

    @Test
    void oneToManyTermsMatchOnTheLinkedRecords() {
        assertThat(partners(leaf("dog_ids", "!=", false))).containsExactly(anna, ben);
        assertThat(partners(leaf("dog_ids", "=", false))).containsExactly(acme, assistant);
        assertThat(partners(leaf("dog_ids", "in", List.of(max)))).containsExactly(ben);
        assertThat(partners(leaf("child_ids", "ilike", "assistant"))).containsExactly(anna);
    }

    @Test
    void dottedPathsFollowManyToOneFields() {
        assertThat(dogs(leaf("owner_id.email", "ilike", "acme.example"))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id.parent_id.name", "=", "Acme Corp"))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id.customer_rank", "<", 1))).containsExactly(max);
    }

    @Test
    void dottedPathsFollowToManyFieldsAndSkipArchivedLinkedRecords() {
        assertThat(partners(leaf("dog_ids.name", "=", "Rex"))).containsExactly(anna);
        assertThat(partners(leaf("dog_ids.training_level", "in", List.of("beginner", "advanced"))))
                .containsExactly(anna, ben);
        assertThat(partners(leaf("dog_ids.name", "=", "Ghost"))).isEmpty();
        assertThat(posts(leaf("tag_ids.name", "=", "puppies"))).containsExactly(post2);
    }

    @Test
    void childOfFollowsTheParentHierarchyDownwards() {
        assertThat(partners(leaf("id", "child_of", acme))).containsExactly(acme, anna, assistant);
        assertThat(partners(leaf("parent_id", "child_of", acme))).containsExactly(anna, assistant);
        assertThat(dogs(leaf("owner_id", "child_of", acme))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id", "child_of", "Acme Corp"))).containsExactly(rex, bella);
        assertThat(dogs(leaf("owner_id", "child_of", List.of(ben)))).containsExactly(max);
        assertThat(dogs(leaf("owner_id", "child_of", List.of()))).isEmpty();
    }

    @Test
    void parentOfFollowsTheParentHierarchyUpwards() {
        assertThat(partners(leaf("id", "parent_of", assistant))).containsExactly(acme, anna, assistant);
        assertThat(partners(leaf("id", "parent_of", ben))).containsExactly(ben);
    }

    @Test
    void anyAndNotAnyApplyASubDomainToLinkedRecords() {
        assertThat(dogs(leaf("owner_id", "any", List.of(leaf("email", "ilike", "acme"))))).containsExactly(rex, bella);
        assertThat(partners(leaf("dog_ids", "any", List.of(leaf("training_level", "=", "advanced")))))
                .containsExactly(ben);
        assertThat(partners(leaf("dog_ids", "not any", List.of(leaf("training_level", "=", "advanced")))))
                .containsExactly(acme, anna, assistant);
    }

    @Test
    void andOrNotCombineTerms() {
        assertThat(dogs("|", leaf("name", "=", "Rex"), leaf("name", "=", "Max"))).containsExactly(rex, max);
        assertThat(dogs("&", leaf("owner_id", "=", anna), leaf("weight", ">", 25))).containsExactly(rex);
        assertThat(dogs("!", leaf("owner_id", "=", anna))).containsExactly(max);
        assertThat(dogs("!", "|", leaf("name", "=", "Rex"), leaf("name", "=", "Max"))).containsExactly(bella);
        assertThat(dogs("|", "&", leaf("owner_id", "=", anna), leaf("weight", "<", 25), leaf("name", "=", "Max")))
                .containsExactly(bella, max);
    }

    @Test
    void termsWithoutOperatorsAreAndedAndAnOrOnlyTakesTheNextTwo() {
        assertThat(dogs(leaf("owner_id", "=", anna), leaf("weight", ">", 25))).containsExactly(rex);
        assertThat(dogs("|", leaf("name", "=", "Rex"), leaf("name", "=", "Max"), leaf("owner_id", "=", ben)))
                .containsExactly(max);
    }

    @Test
    void trueAndFalseLeavesMatchAllOrNothing() {
        assertThat(dogs(List.of(1, "=", 1))).containsExactly(rex, bella, max);
        assertThat(dogs(List.of(0, "=", 1))).isEmpty();
    }

    @Test
    void archivedRecordsAreHiddenUnlessTheDomainNamesActive() {
        assertThat(dogs()).containsExactly(rex, bella, max);
        assertThat(dogs(leaf("active", "=", false))).containsExactly(ghost);
        assertThat(dogs("|", leaf("active", "=", true), leaf("active", "=", false)))
                .containsExactly(rex, bella, max, ghost);
        assertThat(partners(leaf("email", "=", "zoe@example.com"))).isEmpty();
    }

    @Test
    void activeTestOffIncludesArchivedRecords() {
        assertThat(odoo.env.search("customk9.dog", List.of(), 0, null, "id", false))
                .containsExactly(rex, bella, max, ghost);
        assertThat(odoo.env.search("res.partner", List.of(leaf("email", "=", "zoe@example.com")), 0, null, null, false))
                .containsExactly(zoe);
    }

    @Test
    void displayNameIsSearchable() {
        assertThat(partners(leaf("display_name", "ilike", "acme corp, anna"))).containsExactly(anna, assistant);
    }

    @Test
    void unknownFieldsInTermsAreRejectedWithOdoosMessage() {
        assertThatThrownBy(() -> dogs(leaf("colour", "=", "black")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Invalid field customk9.dog.colour in leaf ('colour', '=', 'black')");
        assertThatThrownBy(() -> dogs(leaf("owner_id.shoe_size", "=", 1)))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessageStartingWith("Invalid field res.partner.shoe_size in leaf");
        assertThatThrownBy(() -> dogs(leaf("name.length", "=", 3)))
                .isInstanceOf(OdooException.ValueError.class).hasMessageContaining("not a relational field");
    }

    @Test
    void malformedDomainsNeverCrash() {
        List<List<Object>> malformed = new ArrayList<>();
        malformed.add(List.of("&", leaf("name", "=", "x")));
        malformed.add(List.of(List.of("name", "=")));
        malformed.add(List.of("bogus"));
        malformed.add(List.of(leaf("name", "~", "x")));
        malformed.add(List.of(leaf("owner_id", "any", "not a domain")));
        malformed.add(List.of(leaf("owner_id", "any", List.of(leaf("nope", "=", 1)))));
        for (List<Object> domain : malformed) {
            assertThatThrownBy(() -> odoo.search("customk9.dog", domain)).as(domain.toString())
                    .isInstanceOf(OdooException.ValueError.class);
        }
    }

    @Test
    void valuesOfTheWrongKindSimplyDoNotMatch() {
        assertThat(dogs(leaf("weight", ">", "heavy"))).isEmpty();
        assertThat(dogs(leaf("birth_date", "<", 2022))).isEmpty();
        assertThat(dogs(leaf("weight", ">", "25"))).containsExactly(rex);
    }
}
