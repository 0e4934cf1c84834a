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
class OrmCrudTest {

    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @Inject
    Orm orm;

    private long newDog(String name) {
        return orm.create(ADMIN_UID, "customk9.dog", Map.of("name", name, "owner_id", DemoIds.CHLOE_PARTNER));
    }

    @Test
    void readsManyToOneAsIdAndNameAndEmptyFieldsAsFalse() {
        long id = newDog("Pepper");
        Map<String, Object> dog = orm.read(ADMIN_UID, "customk9.dog", List.of(id), null).get(0);
        assertThat(dog).containsEntry("id", id).containsEntry("name", "Pepper").containsEntry("display_name", "Pepper")
                .containsEntry("owner_id", List.of(DemoIds.CHLOE_PARTNER, "Chloe Client"))
                .containsEntry("breed", false).containsEntry("birth_date", false).containsEntry("trainer_id", false)
                .containsEntry("notes", false).containsEntry("image_1920", false).containsEntry("gender", false)
                .containsEntry("weight", 0.0).containsEntry("age", 0L).containsEntry("active", true)
                .containsEntry("plan_ids", List.of()).containsEntry("training_level", "beginner")
                .containsEntry("create_uid", List.of(ADMIN_UID, "Mitchell Admin"));
        assertThat((String) dog.get("create_date")).matches(DATETIME);
        assertThat(dog.get("write_date")).isEqualTo(dog.get("create_date"));
    }

    @Test
    void readReturnsTheIdAndTheRequestedFieldsOnlyInTheOrderOfTheIdsGiven() {
        List<Map<String, Object>> dogs = orm.read(ADMIN_UID, "customk9.dog",
                List.of(DemoIds.DOG_MAX, DemoIds.DOG_REX), List.of("name", "owner_id"));
        assertThat(dogs).hasSize(2);
        assertThat(dogs.get(0).keySet()).containsExactly("id", "name", "owner_id");
        assertThat(dogs).extracting(dog -> dog.get("name")).containsExactly("Max", "Rex");
    }

    @Test
    void storesDatesAndDatetimesInOdoosServerFormats() {
        long dog = newDog("Datey");
        orm.write(ADMIN_UID, "customk9.dog", List.of(dog), Map.of("birth_date", "2022-05-06 13:45:00"));
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(dog), List.of("birth_date")).get(0))
                .containsEntry("birth_date", "2022-05-06");
        long event = orm.create(ADMIN_UID, "calendar.event", Map.of("name", "Walk", "start", "2031-01-02",
                "stop", "2031-01-02 10:30:15.123456"));
        Map<String, Object> read = orm.read(ADMIN_UID, "calendar.event", List.of(event),
                List.of("start", "stop", "duration", "start_date")).get(0);
        assertThat(read).containsEntry("start", "2031-01-02 00:00:00").containsEntry("stop", "2031-01-02 10:30:15")
                .containsEntry("duration", 10.5).containsEntry("start_date", "2031-01-02");
    }

    @Test
    void rejectsIsoDatetimesWithATLikeOdoo() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "calendar.event", Map.of("name", "Walk",
                "start", "2031-01-02T10:00:00", "stop", "2031-01-02 11:00:00")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("time data '2031-01-02T10:00:00' does not match format '%Y-%m-%d %H:%M:%S'");
    }

    @Test
    void writeChangesOnlyTheGivenFields() {
        long dog = newDog("Writey");
        assertThat(orm.write(ADMIN_UID, "customk9.dog", List.of(dog), Map.of("breed", "Whippet", "weight", 12.5)))
                .isTrue();
        Map<String, Object> read = orm.read(ADMIN_UID, "customk9.dog", List.of(dog),
                List.of("name", "breed", "weight")).get(0);
        assertThat(read).containsEntry("name", "Writey").containsEntry("breed", "Whippet").containsEntry("weight", 12.5);
        Map<String, Object> clear = new HashMap<>();
        clear.put("breed", false);
        orm.write(ADMIN_UID, "customk9.dog", List.of(dog), clear);
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(dog), List.of("breed")).get(0))
                .containsEntry("breed", false);
    }

    @Test
    void unlinkedRecordsAreMissing() {
        long dog = newDog("Gone");
        assertThat(orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog))).isTrue();
        assertThatThrownBy(() -> orm.read(ADMIN_UID, "customk9.dog", List.of(dog), null))
                .isInstanceOf(OdooException.MissingError.class)
                .hasMessage("Record does not exist or has been deleted.\n(Record: customk9.dog(" + dog
                        + ",), User: 2)");
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "customk9.dog", List.of(dog), Map.of("name", "x")))
                .isInstanceOf(OdooException.MissingError.class);
        assertThatThrownBy(() -> orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog)))
                .isInstanceOf(OdooException.MissingError.class);
    }

    @Test
    void unlinkCascadesToRecordsThatCannotLiveWithout() {
        long dog = newDog("Cascade");
        long plan = orm.create(ADMIN_UID, "customk9.training.plan", Map.of("name", "Plan", "dog_id", dog,
                "exercise_ids", List.of(List.of(0, 0, Map.of("name", "Sit")))));
        long exercise = orm.search(ADMIN_UID, "customk9.training.exercise", List.of(List.of("plan_id", "=", plan)),
                0, null, null).get(0);
        orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog));
        assertThat(orm.search(ADMIN_UID, "customk9.training.plan", List.of(List.of("id", "=", plan)), 0, null, null))
                .isEmpty();
        assertThat(orm.search(ADMIN_UID, "customk9.training.exercise", List.of(List.of("id", "=", exercise)), 0,
                null, null)).isEmpty();
    }

    @Test
    void unlinkIsRefusedWhileARequiredReferenceRemains() {
        long owner = orm.create(ADMIN_UID, "res.partner", Map.of("name", "Owner To Keep"));
        orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Anchor", "owner_id", owner));
        assertThatThrownBy(() -> orm.unlink(ADMIN_UID, "res.partner", List.of(owner)))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("The operation cannot be completed: another model requires the record being deleted. "
                        + "If possible, archive it instead.\n\nModel: Dog (customk9.dog)\n"
                        + "Constraint: customk9_dog_owner_id_fkey\n");
        assertThat(orm.read(ADMIN_UID, "res.partner", List.of(owner), List.of("name"))).hasSize(1);
    }

    @Test
    void unlinkClearsOptionalReferences() {
        long guest = orm.create(ADMIN_UID, "res.partner", Map.of("name", "Guest"));
        long registration = orm.create(ADMIN_UID, "event.registration", Map.of("event_id", DemoIds.EVENT_OPEN_DAY,
                "partner_id", guest));
        assertThat(orm.read(ADMIN_UID, "event.registration", List.of(registration), List.of("name", "partner_id"))
                .get(0)).containsEntry("name", "Guest").containsEntry("partner_id", List.of(guest, "Guest"));
        orm.unlink(ADMIN_UID, "res.partner", List.of(guest));
        assertThat(orm.read(ADMIN_UID, "event.registration", List.of(registration), List.of("partner_id")).get(0))
                .containsEntry("partner_id", false);
    }

    @Test
    void creatingAUserWithoutAPartnerCreatesThePartnerAsOdooDoes() {
        long user = orm.create(ADMIN_UID, "res.users", Map.of("name", "Nina New", "login", "nina.new@example.com",
                "email", "nina.new@example.com"));
        Map<String, Object> read = orm.read(ADMIN_UID, "res.users", List.of(user),
                List.of("name", "email", "partner_id", "share", "groups_id")).get(0);
        List<?> partner = (List<?>) read.get("partner_id");
        assertThat(partner.get(1)).isEqualTo("Nina New");
        assertThat(read).containsEntry("email", "nina.new@example.com").containsEntry("share", false)
                .containsEntry("groups_id", List.of(1L));
        orm.write(ADMIN_UID, "res.users", List.of(user), Map.of("email", "nina@example.com"));
        assertThat(orm.read(ADMIN_UID, "res.partner", List.of((Long) partner.get(0)), List.of("email")).get(0))
                .containsEntry("email", "nina@example.com");
    }

    @Test
    void aProductTemplateGetsOneVariant() {
        long template = orm.create(ADMIN_UID, "product.template", Map.of("name", "Treat Pouch", "list_price", 9.5,
                "default_code", "POUCH"));
        List<Map<String, Object>> variants = orm.searchRead(ADMIN_UID, "product.product",
                List.of(List.of("product_tmpl_id", "=", template)), List.of("display_name", "lst_price"), 0, null, null);
        assertThat(variants).hasSize(1);
        assertThat(variants.get(0)).containsEntry("display_name", "[POUCH] Treat Pouch").containsEntry("lst_price", 9.5);
    }

    @Test
    void salesOrdersAreNumberedAndConfirmedRentalsAreReserved() {
        long order = orm.create(ADMIN_UID, "sale.order", Map.of("partner_id", DemoIds.CHLOE_PARTNER,
                "is_rental_order", true, "rental_start_date", "2031-05-01 09:00:00",
                "rental_return_date", "2031-05-03 09:00:00", "order_line", List.of(List.of(0, 0,
                        Map.of("product_id", DemoIds.PRODUCT_CRATE_MEDIUM, "product_uom_qty", 2, "is_rental", true)))));
        Map<String, Object> draft = orm.read(ADMIN_UID, "sale.order", List.of(order),
                List.of("name", "state", "amount_total", "order_line")).get(0);
        assertThat((String) draft.get("name")).matches("S\\d{5}");
        assertThat(draft).containsEntry("state", "draft").containsEntry("amount_total", 30.0);
        long line = (Long) ((List<?>) draft.get("order_line")).get(0);
        assertThat(orm.read(ADMIN_UID, "sale.order.line", List.of(line), List.of("name", "price_unit", "start_date"))
                .get(0)).containsEntry("name", "[CRATE-M] Plastic Travel Crate (Medium)")
                .containsEntry("price_unit", 15.0).containsEntry("start_date", "2031-05-01 09:00:00");
        orm.write(ADMIN_UID, "sale.order", List.of(order), Map.of("state", "sale"));
        assertThat(orm.read(ADMIN_UID, "sale.order", List.of(order), List.of("rental_status")).get(0))
                .containsEntry("rental_status", "pickup");
        orm.write(ADMIN_UID, "sale.order.line", List.of(line), Map.of("qty_delivered", 2));
        assertThat(orm.read(ADMIN_UID, "sale.order", List.of(order), List.of("rental_status")).get(0))
                .containsEntry("rental_status", "return");
        assertThatThrownBy(() -> orm.unlink(ADMIN_UID, "sale.order", List.of(order)))
                .isInstanceOf(OdooException.UserError.class);
    }

    @Test
    void postingAnInvoiceNumbersItAndAPostedInvoiceCannotBeDeleted() {
        long invoice = orm.create(ADMIN_UID, "account.move", Map.of("move_type", "out_invoice",
                "partner_id", DemoIds.DAVID_PARTNER, "invoice_date", "2031-02-03", "invoice_line_ids", List.of(
                        List.of(0, 0, Map.of("name", "Session", "quantity", 2, "price_unit", 40)))));
        assertThat(orm.read(ADMIN_UID, "account.move", List.of(invoice), List.of("name", "display_name")).get(0))
                .containsEntry("name", "/").containsEntry("display_name", "Draft Invoice (* " + invoice + ")");
        orm.write(ADMIN_UID, "account.move", List.of(invoice), Map.of("state", "posted"));
        Map<String, Object> posted = orm.read(ADMIN_UID, "account.move", List.of(invoice),
                List.of("name", "amount_total", "amount_residual", "payment_state", "invoice_date_due")).get(0);
        assertThat((String) posted.get("name")).matches("INV/2031/\\d{5}");
        assertThat(posted).containsEntry("amount_total", 80.0).containsEntry("amount_residual", 80.0)
                .containsEntry("payment_state", "not_paid").containsEntry("invoice_date_due", "2031-02-03");
        assertThatThrownBy(() -> orm.unlink(ADMIN_UID, "account.move", List.of(invoice)))
                .isInstanceOf(OdooException.UserError.class)
                .hasMessage("You cannot delete an entry which has been posted once.");
    }

    @Test
    void writesToComputedAndMagicFieldsAreIgnoredAsInOdoo() {
        long event = orm.create(ADMIN_UID, "event.event", Map.of("name", "Ignored", "date_begin", "2031-01-01 09:00:00",
                "date_end", "2031-01-01 10:00:00", "seats_limited", true, "seats_max", 3, "seats_available", 99,
                "create_date", "2000-01-01 00:00:00", "id", 424242));
        Map<String, Object> read = orm.read(ADMIN_UID, "event.event", List.of(event),
                List.of("seats_available", "create_date")).get(0);
        assertThat(event).isNotEqualTo(424242L);
        assertThat(read).containsEntry("seats_available", 3L);
        assertThat(read.get("create_date")).isNotEqualTo("2000-01-01 00:00:00");
    }

    @Test
    void readonlyIsAViewHintAndStoredReadonlyFieldsStayWritable() {
        Map<String, Map<String, Object>> fields = orm.fieldsGet(ADMIN_UID, "stock.quant", List.of("readonly"));
        assertThat(fields.get("quantity")).containsEntry("readonly", true);
        long quant = orm.create(ADMIN_UID, "stock.quant", Map.of("product_id", DemoIds.PRODUCT_EXERCISE_PEN,
                "location_id", DemoIds.LOCATION_CUSTOMERS, "quantity", 1));
        orm.write(ADMIN_UID, "stock.quant", List.of(quant), Map.of("quantity", 3));
        assertThat(orm.read(ADMIN_UID, "stock.quant", List.of(quant), List.of("quantity")).get(0))
                .containsEntry("quantity", 3.0);
    }

    @Test
    void fieldsGetDescribesTypesRelationsAndSelections() {
        Map<String, Map<String, Object>> fields = orm.fieldsGet(ADMIN_UID, "customk9.dog", null);
        assertThat(fields.get("training_level")).containsEntry("type", "selection").containsEntry("required", true)
                .containsEntry("selection", List.of(List.of("beginner", "Beginner"), List.of("intermediate",
                        "Intermediate"), List.of("advanced", "Advanced")));
        assertThat(fields.get("owner_id")).containsEntry("type", "many2one").containsEntry("relation", "res.partner")
                .containsEntry("string", "Owner");
        assertThat(fields.get("plan_ids")).containsEntry("type", "one2many")
                .containsEntry("relation", "customk9.training.plan").containsEntry("relation_field", "dog_id");
        assertThat(fields).containsKeys("id", "display_name", "create_date", "write_date", "create_uid", "write_uid");
        Map<String, Map<String, Object>> some = orm.fieldsGet(ADMIN_UID, "customk9.dog", List.of("type", "string"));
        assertThat(some.get("name")).containsOnlyKeys("type", "string");
    }

    @Test
    void nameSearchMatchesNamesAndPartnerEmails() {
        assertThat(orm.nameSearch(ADMIN_UID, "customk9.dog", "RE", null, null, null))
                .contains(List.of(DemoIds.DOG_REX, "Rex"));
        assertThat(orm.nameSearch(ADMIN_UID, "res.partner", "ben.client@", List.of(), "ilike", 5))
                .containsExactly(List.of(DemoIds.BEN_PARTNER, "Ben Client"));
        assertThat(orm.nameSearch(ADMIN_UID, "customk9.dog", "", List.of(List.of("owner_id", "=", DemoIds.ANNA_PARTNER)),
                "ilike", 10)).extracting(pair -> pair.get(1)).containsExactly("Bella", "Rex");
        assertThat(orm.nameSearch(ADMIN_UID, "customk9.dog", "Buddy", null, "=", null)).isEmpty();
        assertThat(orm.nameSearch(ADMIN_UID, "customk9.dog", "Buddy", null, "=", null, Map.of("active_test", false)))
                .containsExactly(List.of(DemoIds.DOG_BUDDY, "Buddy"));
    }

    @Test
    void archivedRecordsAreHiddenUnlessAskedFor() {
        List<Object> bens = List.of(List.of("owner_id", "=", DemoIds.BEN_PARTNER));
        assertThat(orm.search(ADMIN_UID, "customk9.dog", bens, 0, null, "id")).containsExactly(DemoIds.DOG_MAX);
        assertThat(orm.search(ADMIN_UID, "customk9.dog", bens, 0, null, "id", Map.of("active_test", false)))
                .containsExactly(DemoIds.DOG_MAX, DemoIds.DOG_BUDDY);
        assertThat(orm.searchCount(ADMIN_UID, "customk9.dog", List.of(List.of("active", "=", false))))
                .isGreaterThanOrEqualTo(1);
        assertThat(orm.searchRead(ADMIN_UID, "customk9.dog", bens, List.of("name"), 0, null, "id",
                Map.of("active_test", false))).extracting(dog -> dog.get("name")).containsExactly("Max", "Buddy");
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_BUDDY), List.of("active")).get(0))
                .containsEntry("active", false);
    }

    @Test
    void unknownModelsRaiseKeyError() {
        assertThat(orm.modelExists("customk9.dog")).isTrue();
        assertThat(orm.modelExists("no.such.model")).isFalse();
        assertThatThrownBy(() -> orm.search(ADMIN_UID, "no.such.model", List.of(), 0, null, null))
                .isInstanceOf(OdooException.UnknownModel.class).hasMessage("no.such.model")
                .satisfies(e -> assertThat(((OdooException) e).odooName()).isEqualTo("builtins.KeyError"));
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "no.such.model", Map.of()))
                .isInstanceOf(OdooException.UnknownModel.class);
    }

    @Test
    void refusesToDeleteTheAdministratorOrToDeactivateOneself() {
        assertThatThrownBy(() -> orm.unlink(ADMIN_UID, "res.users", List.of(ADMIN_UID)))
                .isInstanceOf(OdooException.UserError.class)
                .hasMessageStartingWith("You can not remove the admin user");
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "res.users", List.of(ADMIN_UID), Map.of("active", false)))
                .isInstanceOf(OdooException.UserError.class)
                .hasMessage("You cannot deactivate the user you're currently logged in as.");
        assertThat(orm.users().authenticate("admin", "admin")).contains(ADMIN_UID);
    }

    @Test
    void readingAnUnknownFieldRaisesValueError() {
        assertThatThrownBy(() -> orm.read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), List.of("colour")))
                .isInstanceOf(OdooException.ValueError.class)
                .hasMessage("Invalid field 'colour' on model 'customk9.dog'");
    }

    @Test
    void aTicketNamesTheProductItIsAbout() {
        long ticket = orm.create(ADMIN_UID, "helpdesk.ticket", Map.of("name", "Book a private session",
                "partner_id", DemoIds.CHLOE_PARTNER, "product_id", DemoIds.PRODUCT_PRIVATE_SESSION));
        assertThat(orm.read(ADMIN_UID, "helpdesk.ticket", List.of(ticket), List.of("product_id")).get(0))
                .containsEntry("product_id", List.of(DemoIds.PRODUCT_PRIVATE_SESSION, "[TRAIN-1] Private Training Session"));
        assertThat(orm.searchCount(ADMIN_UID, "helpdesk.ticket",
                List.of(List.of("product_id", "=", DemoIds.PRODUCT_PRIVATE_SESSION)))).isEqualTo(1);
    }
}
