package com.customk9.training.booking;

import static com.customk9.training.support.Clients.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;
import com.customk9.odoo.client.OdooClient;
import com.customk9.training.invoice.InvoiceEvents;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BookingResourceTest {

    private static final long ANNAS_TICKET = 1;
    private static final long SOLVED_STAGE = 3;

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
        odoo().resetBreaker();
    }

    @Test
    void createsAServiceRequestWithoutAnInvoiceWhenNoPricedServiceIsBooked() {
        Client client = Clients.newClient();

        int id = client.request().body(Map.of("name", "Question about recall", "description", "Line one\nLine <two>"))
                .post("/api/bookings").then().statusCode(201)
                .header("Location", containsString("/api/bookings/"))
                .body("name", equalTo("Question about recall")).body("description", equalTo("Line one\nLine <two>"))
                .body("dog", nullValue()).body("service", nullValue()).body("invoice", nullValue())
                .body("stage.name", equalTo("New")).body("cancelled", equalTo(false))
                .extract().path("id");

        client.request().get("/api/bookings").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.id", contains(id)).body("total", equalTo(1));
        client.request().get("/api/invoices").then().body("total", equalTo(0));
        Emulator.asIntegration().get("/api/v2/search/helpdesk.ticket/" + id + "?fields=partner_id").then()
                .body("data.record.partner_id[0]", equalTo((int) client.partnerId()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TrainingEventsTopic.events("booking:" + id, BookingEvents.CREATED)).hasSize(1));
    }

    @Test
    void aPricedServiceIsBilledWithADraftInvoice() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Nala");

        var created = client.request().body(Map.of("name", "Private session please", "dog_id", dog,
                        "service_id", DemoIds.PRODUCT_PRIVATE_SESSION))
                .post("/api/bookings").then().statusCode(201)
                .body("dog.name", equalTo("Nala"))
                .body("service.id", equalTo((int) DemoIds.PRODUCT_PRIVATE_SESSION))
                .body("service.name", equalTo("[TRAIN-1] Private Training Session"))
                .body("invoice.state", equalTo("draft")).body("invoice.payment_state", equalTo("not_paid"))
                .body("invoice.amount_total", equalTo(95.0f)).body("invoice.number", nullValue())
                .extract();
        int id = created.path("id");
        int invoice = created.path("invoice.id");

        client.request().get("/api/invoices").then().body("items.id", contains(invoice)).body("total", equalTo(1));
        client.request().get("/api/invoices/" + invoice).then().statusCode(200)
                .body("origin", equalTo("Ticket #" + id))
                .body("lines.description", contains("Private Training Session - Nala"))
                .body("lines[0].product.id", equalTo((int) DemoIds.PRODUCT_PRIVATE_SESSION))
                .body("lines[0].quantity", equalTo(1.0f)).body("lines[0].unit_price", equalTo(95.0f))
                .body("amount_due", equalTo(95.0f));
        client.request().get("/api/bookings/" + id).then().body("invoice.id", equalTo(invoice));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(TrainingEventsTopic.events("booking:" + id, BookingEvents.CREATED)).hasSize(1);
            assertThat(TrainingEventsTopic.events("invoice:" + invoice, InvoiceEvents.CREATED)).hasSize(1);
        });
    }

    @Test
    void cancellingMovesTheTicketToCancelledAndCancelsItsDraftInvoice() {
        Client client = Clients.newClient();
        var created = client.request().body(Map.of("name", "Class pass", "service_id", DemoIds.PRODUCT_CLASS_PASS))
                .post("/api/bookings").then().statusCode(201).body("invoice.amount_total", equalTo(150.0f)).extract();
        int id = created.path("id");
        int invoice = created.path("invoice.id");

        client.request().delete("/api/bookings/" + id).then().statusCode(204);
        client.request().delete("/api/bookings/" + id).then().statusCode(204);
        client.request().get("/api/bookings/" + id).then().statusCode(200)
                .body("cancelled", equalTo(true)).body("stage.name", equalTo("Cancelled"))
                .body("closed_at", not(nullValue())).body("invoice.state", equalTo("cancel"));
        client.request().get("/api/invoices/" + invoice).then().body("state", equalTo("cancel"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(TrainingEventsTopic.events("booking:" + id, BookingEvents.CANCELLED)).hasSize(1);
            assertThat(TrainingEventsTopic.events("invoice:" + invoice, InvoiceEvents.CANCELLED)).hasSize(1);
        });
    }

    @Test
    void aBookingWhoseInvoiceWasIssuedOrThatWasSolvedCannotBeCancelled() {
        Client client = Clients.newClient();
        var invoiced = client.request().body(Map.of("name", "Session", "service_id", DemoIds.PRODUCT_PRIVATE_SESSION))
                .post("/api/bookings").then().statusCode(201).extract();
        int invoicedId = invoiced.path("id");
        int invoice = invoiced.path("invoice.id");
        odoo().write("account.move", List.of((long) invoice), Map.of("state", "posted")).await()
                .atMost(Duration.ofSeconds(10));

        client.request().delete("/api/bookings/" + invoicedId).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT")).body("error.message", containsString("INV/"));
        client.request().get("/api/bookings/" + invoicedId).then().body("cancelled", equalTo(false))
                .body("invoice.state", equalTo("posted"));

        int solved = client.request().body(Map.of("name", "Done already")).post("/api/bookings").then().statusCode(201)
                .extract().path("id");
        odoo().write("helpdesk.ticket", List.of((long) solved), Map.of("stage_id", SOLVED_STAGE)).await()
                .atMost(Duration.ofSeconds(10));
        client.request().delete("/api/bookings/" + solved).then().statusCode(409);
    }

    @Test
    void validatesFieldByField() {
        Client client = Clients.newClient();
        client.request().body(Map.of("description", "no name")).post("/api/bookings").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("name"));
        client.request().body(Map.of("name", "x".repeat(129), "dog_id", -1)).post("/api/bookings").then()
                .statusCode(400).body("error.details", hasKey("name")).body("error.details", hasKey("dog_id"));
        client.request().body(Map.of("name", "Not mine", "dog_id", Clients.DOG_REX,
                        "service_id", DemoIds.PRODUCT_CRATE_LARGE)).post("/api/bookings").then().statusCode(400)
                .body("error.details.dog_id", contains("is not one of your dogs"))
                .body("error.details.service_id", contains("is not a service that can be booked"));
        client.request().body(Map.of("name", "Nothing", "service_id", 99999999)).post("/api/bookings").then()
                .statusCode(400).body("error.details", hasKey("service_id"));
        client.request().body(Map.of("name", "Typed", "service_id", "four")).post("/api/bookings").then()
                .statusCode(400).body("error.details", hasKey("service_id"));
        client.request().body("{\"name\": ").post("/api/bookings").then().statusCode(400)
                .body("error.code", equalTo("MALFORMED_JSON"));
        client.request().get("/api/bookings").then().body("total", equalTo(0));
    }

    @Test
    void anotherClientsBookingIsNotFoundForEveryVerb() {
        Client stranger = Clients.newClient();

        stranger.request().get("/api/bookings/" + ANNAS_TICKET).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        stranger.request().delete("/api/bookings/" + ANNAS_TICKET).then().statusCode(404);
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/bookings/" + ANNAS_TICKET).then()
                .statusCode(200).body("name", equalTo("When can I pick up the rented crate?"))
                .body("cancelled", equalTo(false));
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/bookings").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) ANNAS_TICKET))
                .body("items.id", not(org.hamcrest.Matchers.hasItem(2)));
    }

    @Test
    void anIdempotencyKeyBooksAndBillsOnce() {
        Client client = Clients.newClient();
        Map<String, Object> body = Map.of("name", "Once", "service_id", DemoIds.PRODUCT_PRIVATE_SESSION);

        int first = client.request().header("Idempotency-Key", "booking-once").body(body).post("/api/bookings")
                .then().statusCode(201).extract().path("id");
        client.request().header("Idempotency-Key", "booking-once").body(body).post("/api/bookings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        client.request().get("/api/bookings").then().body("total", equalTo(1));
        client.request().get("/api/invoices").then().body("total", equalTo(1));
    }

    @Test
    void writesFailWith502WhenOdooIsDown() {
        Client client = Clients.newClient();
        int id = client.request().body(Map.of("name", "Before")).post("/api/bookings").then().statusCode(201)
                .extract().path("id");
        Emulator.outage("close");

        client.request().body(Map.of("name", "Offline")).post("/api/bookings").then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
        client.request().delete("/api/bookings/" + id).then().statusCode(502);
    }

    @Test
    void aFailedInvoiceLeavesNoBookingBehind() {
        Client client = Clients.newClient();
        Emulator.failRequests("/api/v2/create/account.move");

        client.request().body(Map.of("name", "Billing breaks", "service_id", DemoIds.PRODUCT_PRIVATE_SESSION))
                .post("/api/bookings").then().statusCode(502);
        Emulator.clearFaults();
        client.request().get("/api/bookings").then().statusCode(200).body("total", equalTo(0));
        client.request().get("/api/invoices").then().body("total", equalTo(0));
    }

    private static long newDog(Client client, String name) {
        return ((Number) client.request().body(Map.of("name", name)).post("/api/dogs").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static OdooClient odoo() {
        return Arc.container().instance(OdooClient.class).get();
    }
}
