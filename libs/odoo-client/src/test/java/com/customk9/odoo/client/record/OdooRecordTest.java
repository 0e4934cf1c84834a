package com.customk9.odoo.client.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OdooRecordTest {

    private final OdooRecord dog = OdooRecord.of(new JsonObject("""
            {"id": 12, "name": "Rex", "breed": false, "owner_id": [7, "Ana Lima"], "plan_id": false,
             "birth_date": "2021-04-02", "write_date": "2026-03-15 08:30:05", "weight": 31.5,
             "active": true, "tag_ids": [3, 4], "note_ids": false}
            """));

    @Test
    void readsMany2oneAsPairOrEmpty() {
        assertThat(dog.many2one("owner_id")).contains(new Many2one(7, "Ana Lima"));
        assertThat(dog.many2oneId("owner_id")).contains(7L);
        assertThat(dog.many2one("plan_id")).isEmpty();
        assertThat(dog.many2one("not_read")).isEmpty();
    }

    @Test
    void neverMistakesAListOfTwoIdsForAMany2onePair() {
        assertThat(dog.many2one("tag_ids")).isEmpty();
        assertThat(Many2one.from(List.of(3))).isEmpty();
        assertThat(Many2one.from(7)).contains(new Many2one(7, null));
    }

    @Test
    void readsOdooFalseAsEmpty() {
        assertThat(dog.string("breed")).isEmpty();
        assertThat(dog.text("breed")).isEmpty();
        assertThat(dog.string("name")).contains("Rex");
        assertThat(dog.date("plan_id")).isEmpty();
        assertThat(dog.ids("note_ids")).isEmpty();
    }

    @Test
    void readsDatesAndNaiveUtcDatetimes() {
        assertThat(dog.date("birth_date")).contains(LocalDate.of(2021, 4, 2));
        assertThat(dog.dateTime("write_date")).contains(LocalDateTime.of(2026, 3, 15, 8, 30, 5));
    }

    @Test
    void readsNumbersBooleansAndIdLists() {
        assertThat(dog.id()).isEqualTo(12);
        assertThat(dog.decimal("weight")).contains(new BigDecimal("31.5"));
        assertThat(dog.longValue("weight")).isEmpty();
        assertThat(dog.bool("active")).isTrue();
        assertThat(dog.bool("breed")).isFalse();
        assertThat(dog.ids("tag_ids")).containsExactly(3L, 4L);
    }

    @Test
    void isImmutableAndPlain() {
        assertThat(dog.raw("owner_id")).isEqualTo(List.of(7, "Ana Lima"));
        assertThatThrownBy(() -> dog.asMap().put("name", "Max")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesSomethingThatIsNotARecord() {
        assertThatThrownBy(() -> OdooRecord.of(List.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchQueryRejectsInjectedOrderAndBadPaging() {
        assertThat(SearchQuery.all().orderBy("name asc, id desc").order()).contains("name asc, id desc");
        assertThatThrownBy(() -> SearchQuery.all().orderBy("name; drop table")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.all().limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.all().offset(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
