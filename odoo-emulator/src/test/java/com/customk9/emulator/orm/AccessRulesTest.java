package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static com.customk9.emulator.seed.DemoIds.ANNA_CLIENT_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.quarkus.test.junit.QuarkusTest;

/** Anna (portal, uid 6, partner 7) against Ben's and the company's records; trainers and the integration user. */
@QuarkusTest
class AccessRulesTest {

    @Inject
    Orm orm;

    @BeforeEach
    void pristineDemoData() {
        orm.resetToSeed();
    }

    private List<Long> annaSearches(String model) {
        return orm.search(ANNA_CLIENT_UID, model, List.of(), 0, null, "id");
    }

    @Test
    void aPortalUserFindsOnlyHerOwnDocuments() {
        assertThat(annaSearches("customk9.dog")).containsExactly(DemoIds.DOG_REX, DemoIds.DOG_BELLA);
        assertThat(annaSearches("customk9.training.plan"))
                .containsExactly(DemoIds.PLAN_REX_OBEDIENCE, DemoIds.PLAN_BELLA_PUPPY);
        assertThat(annaSearches("customk9.training.exercise")).hasSize(7);
        assertThat(annaSearches("customk9.progress.note")).hasSize(4);
        assertThat(annaSearches("sale.order")).containsExactly(DemoIds.ORDER_ANNA_RENTAL);
        assertThat(annaSearches("account.move")).containsExactly(DemoIds.INVOICE_ANNA_PAID,
                DemoIds.INVOICE_ANNA_RENTAL_OPEN);
        assertThat(annaSearches("res.partner")).containsExactly(DemoIds.ANNA_PARTNER);
        assertThat(annaSearches("res.users")).containsExactly(ANNA_CLIENT_UID);
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "calendar.event", List.of())).isEqualTo(2);
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "event.registration", List.of())).isEqualTo(2);
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "helpdesk.ticket", List.of())).isEqualTo(1);
    }

    @Test
    void aPortalUserSeesPublishedContentAndTheCatalogue() {
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "blog.post", List.of())).isEqualTo(4);
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "event.event", List.of())).isEqualTo(3);
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "product.product", List.of(List.of("rent_ok", "=", true))))
                .isEqualTo(3);
    }

    @Test
    void aPortalUserSeesAttachmentsAndMessagesOfHerDocumentsOnly() {
        List<Map<String, Object>> files = orm.searchRead(ANNA_CLIENT_UID, "ir.attachment", List.of(),
                List.of("name"), 0, null, "id");
        assertThat(files).extracting(file -> file.get("name"))
                .containsExactly("rex-vaccination-record.pdf", "obedience-homework.pdf");
        assertThat(orm.searchCount(ANNA_CLIENT_UID, "mail.message", List.of())).isEqualTo(2);
        assertThat(orm.searchCount(DemoIds.BEN_CLIENT_UID, "mail.message", List.of())).isZero();
    }

    @Test
    void readingAnotherClientsRecordIsAnAccessError() {
        assertThatThrownBy(() -> orm.read(ANNA_CLIENT_UID, "customk9.dog", List.of(DemoIds.DOG_MAX), List.of("name")))
                .isInstanceOf(OdooException.AccessError.class)
                .hasMessage("Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n"
                        + "Sorry, Anna Client (id=6) doesn't have 'read' access to:\n- Dog, Max (customk9.dog: 3)\n\n"
                        + "If you really, really need access, perhaps you can win over your friendly administrator "
                        + "with a batch of freshly baked cookies.")
                .satisfies(e -> assertThat(((OdooException) e).odooName()).isEqualTo("odoo.exceptions.AccessError"));
        assertThatThrownBy(() -> orm.read(ANNA_CLIENT_UID, "account.move", List.of(DemoIds.INVOICE_BEN_OPEN), null))
                .isInstanceOf(OdooException.AccessError.class);
    }

    @Test
    void aPortalUserMayNotChangeBusinessRecordsEvenHerOwn() {
        assertThatThrownBy(() -> orm.write(ANNA_CLIENT_UID, "customk9.dog", List.of(DemoIds.DOG_REX),
                Map.of("notes", "mine")))
                .isInstanceOf(OdooException.AccessError.class)
                .hasMessage("You are not allowed to modify 'Dog' (customk9.dog) records.\n\n"
                        + "This operation is allowed for the following groups:\n\t- User types/Internal User\n\n"
                        + "Contact your administrator to request access if necessary.");
        assertThatThrownBy(() -> orm.create(ANNA_CLIENT_UID, "customk9.dog", Map.of("name", "Sneaky",
                "owner_id", DemoIds.ANNA_PARTNER))).isInstanceOf(OdooException.AccessError.class)
                .hasMessageStartingWith("You are not allowed to create 'Dog' (customk9.dog) records.");
        assertThatThrownBy(() -> orm.unlink(ANNA_CLIENT_UID, "customk9.dog", List.of(DemoIds.DOG_REX)))
                .isInstanceOf(OdooException.AccessError.class);
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), List.of("notes")).get(0).get("notes"))
                .isNotEqualTo("mine");
    }

    @Test
    void aPortalUserCannotReachInternalModels() {
        assertThatThrownBy(() -> orm.search(ANNA_CLIENT_UID, "stock.quant", List.of(), 0, null, null))
                .isInstanceOf(OdooException.AccessError.class)
                .hasMessageStartingWith("You are not allowed to access 'Quants' (stock.quant) records.");
        assertThatThrownBy(() -> orm.searchCount(ANNA_CLIENT_UID, "hr.employee", List.of()))
                .isInstanceOf(OdooException.AccessError.class);
    }

    @Test
    void aUserMayChangeHerOwnPreferencesOnly() {
        orm.write(ANNA_CLIENT_UID, "res.users", List.of(ANNA_CLIENT_UID), Map.of("tz", "Europe/Paris",
                "lang", "fr_FR"));
        assertThat(orm.read(ANNA_CLIENT_UID, "res.users", List.of(ANNA_CLIENT_UID), List.of("tz", "lang")).get(0))
                .containsEntry("tz", "Europe/Paris").containsEntry("lang", "fr_FR");
        assertThatThrownBy(() -> orm.write(ANNA_CLIENT_UID, "res.users", List.of(ANNA_CLIENT_UID),
                Map.of("login", "anna@elsewhere.example"))).isInstanceOf(OdooException.AccessError.class);
        assertThatThrownBy(() -> orm.write(ANNA_CLIENT_UID, "res.users", List.of(DemoIds.BEN_CLIENT_UID),
                Map.of("tz", "Europe/Paris"))).isInstanceOf(OdooException.AccessError.class);
        assertThatThrownBy(() -> orm.write(ANNA_CLIENT_UID, "res.users", List.of(ANNA_CLIENT_UID),
                Map.of("groups_id", List.of(List.of(4, 1))))).isInstanceOf(OdooException.AccessError.class);
    }

    @Test
    void namesOfLinkedRecordsShowEvenWhenTheLinkedRecordIsHidden() {
        Map<String, Object> plan = orm.read(ANNA_CLIENT_UID, "customk9.training.plan",
                List.of(DemoIds.PLAN_REX_OBEDIENCE), List.of("trainer_id")).get(0);
        assertThat(plan).containsEntry("trainer_id", List.of(DemoIds.SARAH_TRAINER_UID, "Sarah Trainer"));
        assertThatThrownBy(() -> orm.read(ANNA_CLIENT_UID, "res.users", List.of(DemoIds.SARAH_TRAINER_UID),
                List.of("name"))).isInstanceOf(OdooException.AccessError.class);
    }

    @Test
    void internalUsersReadAndWriteBusinessRecords() {
        assertThat(orm.read(DemoIds.SARAH_TRAINER_UID, "customk9.dog", List.of(DemoIds.DOG_MAX), List.of("name"))
                .get(0)).containsEntry("name", "Max");
        orm.write(DemoIds.SARAH_TRAINER_UID, "customk9.dog", List.of(DemoIds.DOG_MAX), Map.of("notes", "Seen"));
        assertThat(orm.searchCount(DemoIds.INTEGRATION_UID, "customk9.dog", List.of())).isEqualTo(4);
    }

    @Test
    void managingUsersNeedsAccessRights() {
        assertThatThrownBy(() -> orm.create(DemoIds.SARAH_TRAINER_UID, "res.users", Map.of("name", "X",
                "login", "x@example.com"))).isInstanceOf(OdooException.AccessError.class);
        long client = orm.create(DemoIds.INTEGRATION_UID, "res.users", Map.of("name", "Fiona Client",
                "login", "fiona.client@example.com", "email", "fiona.client@example.com", "password", "fiona-pw",
                "groups_id", List.of(List.of(6, 0, List.of(9)))));
        assertThat(orm.read(ADMIN_UID, "res.users", List.of(client), List.of("share")).get(0))
                .containsEntry("share", true);
        assertThat(orm.users().authenticate("fiona.client@example.com", "fiona-pw")).contains(client);
    }

    @Test
    void aUserCannotBeBothPortalAndInternal() {
        assertThatThrownBy(() -> orm.write(ADMIN_UID, "res.users", List.of(ANNA_CLIENT_UID),
                Map.of("groups_id", List.of(List.of(4, 1))))).isInstanceOf(OdooException.ValidationError.class)
                .hasMessage("The user cannot have more than one user types.");
    }
}
