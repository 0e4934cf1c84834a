package com.customk9.training.invoice;

import static com.customk9.training.support.Clients.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class InvoiceResourceTest {

    private static final long ANNA_PAID = 1;
    private static final long BEN_UNPAID = 2;
    private static final long ANNA_RENTAL = 3;
    private static final long CHLOE_DRAFT = 4;

    private static RequestSpecification anna() {
        return as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER));
    }

    @Test
    void listsMyInvoicesNewestFirstWithStateAmountsAndDates() {
        anna().get("/api/invoices").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.id", contains((int) ANNA_RENTAL, (int) ANNA_PAID)).body("total", equalTo(2))
                .body("items[0].number", startsWith("INV/")).body("items[0].state", equalTo("posted"))
                .body("items[0].payment_state", equalTo("not_paid")).body("items[0].amount_total", equalTo(175.0f))
                .body("items[0].amount_due", equalTo(175.0f)).body("items[0].origin", equalTo("S00001"))
                .body("items[0].invoice_date", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("items[0].due_date", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("items[0].currency", equalTo("USD"))
                .body("items[0]", not(hasKey("lines")))
                .body("items[1].payment_state", equalTo("paid")).body("items[1].amount_total", equalTo(190.0f))
                .body("items[1].amount_due", equalTo(0.0f));
        anna().queryParam("limit", 1).queryParam("offset", 1).get("/api/invoices").then()
                .body("items.id", contains((int) ANNA_PAID)).body("total", equalTo(2))
                .body("limit", equalTo(1)).body("offset", equalTo(1));
    }

    @Test
    void showsOneInvoiceWithItsLines() {
        anna().get("/api/invoices/" + ANNA_PAID).then().statusCode(200)
                .body("state", equalTo("posted")).body("payment_state", equalTo("paid"))
                .body("lines.description", contains("Private Training Session - Rex"))
                .body("lines[0].display_type", equalTo("product"))
                .body("lines[0].product.id", equalTo((int) DemoIds.PRODUCT_PRIVATE_SESSION))
                .body("lines[0].quantity", equalTo(2.0f)).body("lines[0].unit_price", equalTo(95.0f))
                .body("lines[0].subtotal", equalTo(190.0f)).body("lines[0].total", equalTo(190.0f));
    }

    @Test
    void aDraftHasNoNumberYet() {
        as(TestTokens.client(8, 9)).get("/api/invoices/" + CHLOE_DRAFT).then().statusCode(200)
                .body("state", equalTo("draft")).body("number", nullValue()).body("invoice_date", nullValue());
    }

    @Test
    void anotherClientsInvoiceIsNotFound() {
        Client stranger = Clients.newClient();
        stranger.request().get("/api/invoices/" + ANNA_PAID).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        stranger.request().get("/api/invoices").then().statusCode(200).body("total", equalTo(0));
        anna().get("/api/invoices/" + BEN_UNPAID).then().statusCode(404);
        anna().get("/api/invoices/" + CHLOE_DRAFT).then().statusCode(404);
    }

    @Test
    void invoicesAreReadOnly() {
        anna().body(Map.of("partner_id", Clients.ANNA_PARTNER)).post("/api/invoices").then().statusCode(405);
        anna().delete("/api/invoices/" + ANNA_PAID).then().statusCode(405);
        anna().get("/api/invoices/" + ANNA_PAID).then().statusCode(200);
        anna().queryParam("limit", 0).get("/api/invoices").then().statusCode(400);
        anna().get("/api/invoices/abc").then().statusCode(400);
    }
}
