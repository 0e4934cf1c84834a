package com.customk9.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.orm.Orm;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoDataTest {

    @Inject
    Orm orm;

    @BeforeEach
    void pristineDemoData() {
        orm.resetToSeed();
    }

    @Test
    void adminIsMitchellAdminWithId2AndLogsInWithAdminAdmin() {
        assertThat(orm.users().authenticate("admin", "admin")).contains(DemoIds.ADMIN_UID);
        Map<String, Object> admin = orm.read(DemoIds.ADMIN_UID, "res.users", List.of(DemoIds.ADMIN_UID),
                List.of("name", "login", "email", "partner_id")).get(0);
        assertThat(admin).containsEntry("name", "Mitchell Admin").containsEntry("login", "admin")
                .containsEntry("email", "admin@yourcompany.example.com")
                .containsEntry("partner_id", List.of(DemoIds.ADMIN_PARTNER, "Mitchell Admin"));
        assertThat(orm.users().isAdmin(DemoIds.ADMIN_UID)).isTrue();
        assertThat(orm.users().groupNames(DemoIds.ADMIN_UID)).contains("Internal User", "Settings", "Administrator");
    }

    @Test
    void integrationUserIsInternalAndAuthenticatesByConfiguredApiKey() {
        assertThat(orm.users().userForApiKey("ck9-local-integration-key")).contains(DemoIds.INTEGRATION_UID);
        assertThat(orm.users().isAdmin(DemoIds.INTEGRATION_UID)).isFalse();
        assertThat(orm.users().groupNames(DemoIds.INTEGRATION_UID)).contains("Internal User", "Access Rights")
                .doesNotContain("Portal");
    }

    @Test
    void trainersAndClientsLogInWithTheirDocumentedPasswords() {
        assertThat(orm.users().authenticate(DemoData.SARAH_LOGIN, "trainer")).contains(DemoIds.SARAH_TRAINER_UID);
        assertThat(orm.users().authenticate(DemoData.MARCUS_LOGIN, "trainer")).contains(DemoIds.MARCUS_TRAINER_UID);
        assertThat(orm.users().authenticate(DemoData.ANNA_LOGIN, "client")).contains(DemoIds.ANNA_CLIENT_UID);
        assertThat(orm.users().authenticate(DemoData.DAVID_LOGIN, "client")).contains(DemoIds.DAVID_CLIENT_UID);
        assertThat(orm.users().groupNames(DemoIds.ANNA_CLIENT_UID)).containsExactly("Portal");
    }

    @Test
    void annaOwnsRexAndBellaWithPlansExercisesAndNotes() {
        List<Map<String, Object>> dogs = orm.searchRead(DemoIds.ADMIN_UID, "customk9.dog",
                List.of(List.of("owner_id", "=", DemoIds.ANNA_PARTNER)), List.of("name", "plan_ids"), 0, null, "id");
        assertThat(dogs).extracting(dog -> dog.get("name")).containsExactly("Rex", "Bella");
        Map<String, Object> plan = orm.read(DemoIds.ADMIN_UID, "customk9.training.plan",
                List.of(DemoIds.PLAN_REX_OBEDIENCE), List.of("exercise_ids", "progress", "dog_id", "trainer_id")).get(0);
        assertThat((List<?>) plan.get("exercise_ids")).hasSize(4);
        assertThat(plan.get("progress")).isEqualTo(50.0);
        assertThat(plan.get("dog_id")).isEqualTo(List.of(DemoIds.DOG_REX, "Rex"));
        assertThat(plan.get("trainer_id")).isEqualTo(List.of(DemoIds.SARAH_TRAINER_UID, "Sarah Trainer"));
        assertThat(orm.searchCount(DemoIds.ADMIN_UID, "customk9.progress.note",
                List.of(List.of("dog_id", "=", DemoIds.DOG_REX)))).isEqualTo(3);
    }

    @Test
    void puppyClassIsNearlyFullAndEventsAreUpcoming() {
        Map<String, Object> event = orm.read(DemoIds.ADMIN_UID, "event.event", List.of(DemoIds.EVENT_PUPPY_CLASS),
                List.of("seats_max", "seats_available", "seats_taken", "seats_limited")).get(0);
        assertThat(event).containsEntry("seats_max", 6L).containsEntry("seats_taken", 5L)
                .containsEntry("seats_available", 1L).containsEntry("seats_limited", true);
        String now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).toString().replace('T', ' ');
        assertThat(orm.searchCount(DemoIds.ADMIN_UID, "event.event",
                List.of(List.of("date_begin", ">", now), List.of("is_published", "=", true)))).isEqualTo(3);
    }

    @Test
    void rentableCratesHaveStockAndAnnaHasAConfirmedRental() {
        List<Map<String, Object>> crates = orm.searchRead(DemoIds.ADMIN_UID, "product.product",
                List.of(List.of("rent_ok", "=", true)), List.of("display_name", "qty_available"), 0, null, "id");
        assertThat(crates).extracting(p -> p.get("display_name")).containsExactly("[CRATE-L] Wire Dog Crate (Large)",
                "[CRATE-M] Plastic Travel Crate (Medium)", "[PEN-8] Exercise Pen");
        assertThat(crates).extracting(p -> p.get("qty_available")).containsExactly(4.0, 6.0, 2.0);
        Map<String, Object> order = orm.read(DemoIds.ADMIN_UID, "sale.order", List.of(DemoIds.ORDER_ANNA_RENTAL),
                List.of("name", "state", "is_rental_order", "rental_status", "amount_total", "partner_id")).get(0);
        assertThat(order).containsEntry("name", "S00001").containsEntry("state", "sale")
                .containsEntry("is_rental_order", true).containsEntry("rental_status", "pickup")
                .containsEntry("amount_total", 175.0);
    }

    @Test
    void postedInvoicesAreNumberedAndCarryPaymentState() {
        List<Map<String, Object>> invoices = orm.searchRead(DemoIds.ADMIN_UID, "account.move",
                List.of(List.of("move_type", "=", "out_invoice")),
                List.of("name", "state", "payment_state", "amount_total", "amount_residual"), 0, null, "id");
        assertThat(invoices).hasSize(4);
        assertThat((String) invoices.get(0).get("name")).matches("INV/\\d{4}/0000\\d");
        assertThat(invoices.get(0)).containsEntry("state", "posted").containsEntry("payment_state", "paid")
                .containsEntry("amount_total", 190.0).containsEntry("amount_residual", 0.0);
        assertThat(invoices.get(1)).containsEntry("payment_state", "not_paid").containsEntry("amount_residual", 150.0);
        assertThat(invoices.get(3)).containsEntry("state", "draft").containsEntry("name", "/");
    }

    @Test
    void blogHasPublishedPostsWithTags() {
        assertThat(orm.searchCount(DemoIds.ADMIN_UID, "blog.post", List.of(List.of("is_published", "=", true))))
                .isEqualTo(4);
        assertThat(orm.searchCount(DemoIds.ADMIN_UID, "blog.post", List.of(List.of("tag_ids.name", "=", "puppies"))))
                .isEqualTo(1);
    }
}
