package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FieldValidationTest {

    @Inject
    Orm orm;

    private Map<String, Object> dog(Object... extra) {
        Map<String, Object> values = new HashMap<>(Map.of("name", "Valid", "owner_id", DemoIds.DAVID_PARTNER));
        for (int i = 0; i < extra.length; i += 2) {
            values.put((String) extra[i], extra[i + 1]);
        }
        return values;
    }

    private long dogCount() {
        return orm.searchCount(ADMIN_UID, "customk9.dog", List.of(), Map.of("active_test", false));
    }

    @Test
    void rejectsAMissingRequiredFieldWithOdoosNotNullMessage() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Orphan")))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
                        + "- Delete: another model requires the record being deleted. If possible, archive it "
                        + "instead.\n\nModel: Dog (customk9.dog)\nField: Owner (owner_id)\n")
                .satisfies(e -> assertThat(((OdooException) e).odooName()).isEqualTo("odoo.exceptions.ValidationError"));
    }

    @Test
    void rejectsClearingARequiredField() {
        long id = orm.create(ADMIN_UID, "customk9.dog", dog());
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "customk9.dog", List.of(id), dog("name", false)))
                .isInstanceOf(OdooException.ValidationError.class).hasMessageContaining("Field: Name (name)");
    }

    @Test
    void rejectsUnknownSelectionValue() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("training_level", "expert")))
                .isInstanceOf(OdooException.ValueError.class)
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("Wrong value for customk9.dog.training_level: 'expert'")
                .satisfies(e -> assertThat(((OdooException) e).odooName()).isEqualTo("builtins.ValueError"));
    }

    @Test
    void rejectsValuesOfTheWrongTypeWithPythonsMessages() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("weight", "heavy")))
                .isInstanceOf(OdooException.ValueError.class).hasMessage("could not convert string to float: 'heavy'");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("age", "three")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("invalid literal for int() with base 10: 'three'");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("birth_date", "12/03/2021")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("time data '12/03/2021' does not match format '%Y-%m-%d'");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("birth_date", "2021-02-30")))
                .isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("owner_id", "Anna Client")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Wrong value for customk9.dog.owner_id: 'Anna Client'");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("age", List.of(1))))
                .isInstanceOf(OdooException.ValueError.class);
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("age", 4_000_000_000L)))
                .isInstanceOf(OdooException.ValueError.class).hasMessage("integer out of range");
    }

    @Test
    void convertsValuesAsPythonWould() {
        long id = orm.create(ADMIN_UID, "customk9.dog", dog("age", "3", "weight", 12, "active", 1, "notes", ""));
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(id), List.of("age", "weight", "active", "notes")).get(0))
                .containsEntry("age", 3L).containsEntry("weight", 12.0).containsEntry("active", true)
                .containsEntry("notes", false);
    }

    @Test
    void rejectsUnknownFieldsOnCreateAndWrite() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("colour", "black")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Invalid field 'colour' on model 'customk9.dog'");
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), Map.of("colour", "x")))
                .isInstanceOf(OdooException.ValueError.class);
    }

    @Test
    void rejectsManyToOneValuesPointingNowhere() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("owner_id", 999_999)))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessageContaining("Constraint: customk9_dog_owner_id_fkey");
    }

    @Test
    void enforcesTheModelsConstraints() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.progress.note", Map.of("dog_id", DemoIds.DOG_REX,
                "note", "Too good", "rating", 7)))
                .isInstanceOf(OdooException.ValidationError.class).hasMessage("The rating must be between 1 and 5.");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "calendar.event", Map.of("name", "Backwards",
                "start", "2031-01-01 10:00:00", "stop", "2031-01-01 09:00:00")))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessageStartingWith("The ending date and time cannot be earlier than the starting date and time.");
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("weight", -2)))
                .isInstanceOf(OdooException.ValidationError.class);
    }

    @Test
    void refusesARegistrationBeyondTheSeatLimit() {
        long event = orm.create(ADMIN_UID, "event.event", Map.of("name", "Tiny Class", "date_begin",
                "2031-03-01 09:00:00", "date_end", "2031-03-01 10:00:00", "seats_limited", true, "seats_max", 1));
        orm.create(ADMIN_UID, "event.registration", Map.of("event_id", event, "partner_id", DemoIds.ANNA_PARTNER));
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "event.registration", Map.of("event_id", event,
                "partner_id", DemoIds.BEN_PARTNER)))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("There are not enough seats available for:\n- \"Tiny Class\": Missing 1 seats.");
        long waiting = orm.create(ADMIN_UID, "event.registration", Map.of("event_id", event,
                "partner_id", DemoIds.BEN_PARTNER, "state", "draft"));
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "event.registration", List.of(waiting), Map.of("state", "open")))
                .isInstanceOf(OdooException.ValidationError.class);
        assertThat(orm.read(ADMIN_UID, "event.event", List.of(event), List.of("seats_available", "seats_unconfirmed"))
                .get(0)).containsEntry("seats_available", 0L).containsEntry("seats_unconfirmed", 1L);
    }

    @Test
    void enforcesUniqueLogins() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "res.users", Map.of("name", "Second Admin", "login", "admin")))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("The operation cannot be completed: You can not have two users with the same login !");
    }

    @Test
    void aFailedCallLeavesNothingBehind() {
        long before = dogCount();
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", dog("plan_ids", List.of(
                List.of(0, 0, Map.of("name", "Fine plan")),
                List.of(0, 0, Map.of("name", "Broken plan", "state", "nonsense"))))))
                .isInstanceOf(OdooException.ValueError.class);
        assertThat(dogCount()).isEqualTo(before);
        assertThat(orm.searchCount(ADMIN_UID, "customk9.training.plan", List.of(List.of("name", "=", "Fine plan"))))
                .isZero();
    }
}
