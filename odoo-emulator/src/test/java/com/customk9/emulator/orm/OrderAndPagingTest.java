package com.customk9.emulator.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderAndPagingTest {

    private InMemoryOdoo odoo;
    private long anna;
    private long ben;
    private long zed;
    private long rex;
    private long bella;
    private long max;
    private long luna;

    @BeforeEach
    void data() {
        odoo = new InMemoryOdoo();
        zed = odoo.create("res.partner", "name", "Zed Owner");
        anna = odoo.create("res.partner", "name", "anna owner");
        ben = odoo.create("res.partner", "name", "Ben Owner");
        rex = odoo.create("customk9.dog", "name", "Rex", "owner_id", zed, "weight", 30.0, "training_level", "beginner");
        bella = odoo.create("customk9.dog", "name", "Bella", "owner_id", anna, "weight", 20.0,
                "training_level", "advanced");
        max = odoo.create("customk9.dog", "name", "Max", "owner_id", ben, "training_level", "beginner",
                "birth_date", "2020-01-01");
        luna = odoo.create("customk9.dog", "name", "Luna", "owner_id", anna, "weight", 20.0,
                "training_level", "intermediate", "birth_date", "2022-01-01");
    }

    private List<Long> dogs(String order) {
        return odoo.search("customk9.dog", List.of(), order);
    }

    @Test
    void theModelsDefaultOrderAppliesWithoutAnOrder() {
        assertThat(dogs(null)).containsExactly(bella, luna, max, rex);
        assertThat(dogs("")).containsExactly(bella, luna, max, rex);
    }

    @Test
    void severalKeysWithDirectionsApplyInTurn() {
        assertThat(dogs("weight desc, name")).containsExactly(max, rex, bella, luna);
        assertThat(dogs("weight desc nulls last, name")).containsExactly(rex, bella, luna, max);
        assertThat(dogs("training_level, name desc")).containsExactly(bella, rex, max, luna);
        assertThat(dogs("weight DESC,id ASC")).containsExactly(max, rex, bella, luna);
    }

    @Test
    void tiesAreBrokenByIdSoThatPagesNeverOverlap() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(odoo.create("customk9.dog", "name", "Twin", "owner_id", anna));
        }
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            paged.addAll(odoo.env.search("customk9.dog", List.of(List.of("name", "=", "Twin")), offset, 3, "name",
                    true));
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void unsetValuesComeLastAscendingAndFirstDescending() {
        assertThat(dogs("birth_date")).containsExactly(max, luna, rex, bella);
        assertThat(dogs("birth_date desc")).containsExactly(rex, bella, luna, max);
        assertThat(dogs("birth_date asc nulls first")).containsExactly(rex, bella, max, luna);
        assertThat(dogs("birth_date desc nulls last")).containsExactly(luna, max, rex, bella);
    }

    @Test
    void manyToOneFieldsSortAsTheLinkedModelOrdersItsRecords() {
        assertThat(dogs("owner_id, id")).as("res.partner orders by complete_name, ignoring case")
                .containsExactly(bella, luna, max, rex);
        assertThat(dogs("owner_id desc, id")).containsExactly(rex, max, bella, luna);
        long later = odoo.create("event.type", "name", "A later type", "sequence", 20);
        long earlier = odoo.create("event.type", "name", "Z earlier type", "sequence", 1);
        long first = odoo.create("event.event", "name", "One", "event_type_id", later,
                "date_begin", "2024-05-01 10:00:00", "date_end", "2024-05-01 11:00:00");
        long second = odoo.create("event.event", "name", "Two", "event_type_id", earlier,
                "date_begin", "2024-05-01 10:00:00", "date_end", "2024-05-01 11:00:00");
        assertThat(odoo.search("event.event", List.of(), "event_type_id")).as("event.type orders by sequence")
                .containsExactly(second, first);
    }

    @Test
    void offsetAndLimitCutThePage() {
        assertThat(odoo.env.search("customk9.dog", List.of(), 1, 2, "name", true)).containsExactly(luna, max);
        assertThat(odoo.env.search("customk9.dog", List.of(), 3, null, "name", true)).containsExactly(rex);
        assertThat(odoo.env.search("customk9.dog", List.of(), 10, 5, "name", true)).isEmpty();
        assertThat(odoo.env.search("customk9.dog", List.of(), 0, 0, "name", true)).as("limit 0 means no limit in Odoo")
                .containsExactly(bella, luna, max, rex);
    }

    @Test
    void countIgnoresPaging() {
        assertThat(odoo.env.count("customk9.dog", List.of(List.of("weight", "=", 20)), true)).isEqualTo(2);
    }

    @Test
    void rejectsOrdersThatAreNotFieldNamesWithDirections() {
        assertThatThrownBy(() -> dogs("name sideways")).isInstanceOf(OdooException.ValueError.class)
                .hasMessageStartingWith("Invalid \"order\" specified (name sideways)");
        assertThatThrownBy(() -> dogs("name; drop table dogs")).isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> dogs("colour desc")).isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Invalid field 'colour' on model 'customk9.dog'");
    }
}
