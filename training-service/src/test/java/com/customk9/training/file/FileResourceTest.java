package com.customk9.training.file;

import static com.customk9.training.support.Clients.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.TestTokens;
import com.customk9.training.support.TrainingEventsTopic;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class FileResourceTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R');
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0);
    static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] WEBP = "RIFF\u0024\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] TEXT = "Rex: 10 minutes of recall, twice a day.\nÜbung macht den Meister ✓\n"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] ELF = bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0);

    @TestHTTPResource("/api/files")
    URL filesUrl;

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void uploadsListsDescribesDownloadsAndDeletesADocument() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Scout");

        Response created = upload(client, dog, "vaccinations.pdf", PDF, "application/pdf")
                .multiPart("description", "Rabies booster, March")
                .post("/api/files");
        created.then().statusCode(201)
                .header("Location", containsString("/api/files/"))
                .header("Cache-Control", "no-store")
                .body("name", equalTo("vaccinations.pdf"))
                .body("description", equalTo("Rabies booster, March"))
                .body("mimetype", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .body("sha1", not(nullValue()))
                .body("dog.id", equalTo((int) dog)).body("dog.name", equalTo("Scout"))
                .body("created_at", not(nullValue()));
        int id = created.path("id");
        created.then().body("content_url", equalTo("/api/files/" + id + "/content"));

        client.request().queryParam("dog_id", dog).get("/api/files").then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
        client.request().get("/api/files").then().statusCode(200).body("items.id", contains(id)).body("total", equalTo(1));
        client.request().get("/api/files/" + id).then().statusCode(200).body("name", equalTo("vaccinations.pdf"));

        byte[] downloaded = client.request().get("/api/files/" + id + "/content").then().statusCode(200)
                .header("Content-Type", equalTo("application/pdf"))
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"vaccinations.pdf\"; filename*=UTF-8''vaccinations.pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);

        client.request().delete("/api/files/" + id).then().statusCode(204);
        client.request().get("/api/files/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void downloadReturnsExactlyTheBytesUploaded() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Bytes");
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(large);
        System.arraycopy(PNG, 0, large, 0, PNG.length);

        int id = upload(client, dog, "big.png", large, "image/png").post("/api/files").then().statusCode(201)
                .body("size", equalTo(large.length)).extract().path("id");

        byte[] downloaded = client.request().get("/api/files/" + id + "/content").then().statusCode(200)
                .header("Content-Type", "image/png").header("Content-Length", String.valueOf(large.length))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(large);
    }

    @Test
    void recognisesEachAllowedTypeByItsContentWhateverTheNameOrDeclaredType() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Types");
        Map<byte[], List<String>> cases = Map.of(
                PDF, List.of("scan", "application/pdf", "scan.pdf"),
                PNG, List.of("photo.jpg", "image/png", "photo.jpg.png"),
                JPEG, List.of("photo.JPG", "image/jpeg", "photo.JPG"),
                GIF, List.of("wag.gif", "image/gif", "wag.gif"),
                WEBP, List.of("sit.webp", "image/webp", "sit.webp"),
                TEXT, List.of("notes.html", "text/plain", "notes.html.txt"));

        cases.forEach((content, expected) -> upload(client, dog, expected.get(0), content, "application/octet-stream")
                .post("/api/files").then().statusCode(201)
                .body("mimetype", equalTo(expected.get(1)))
                .body("name", equalTo(expected.get(2))));
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(cases.size()));

        int text = upload(client, dog, "plan.txt", TEXT, "text/plain").post("/api/files").then().statusCode(201)
                .extract().path("id");
        byte[] downloaded = client.request().get("/api/files/" + text + "/content").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(TEXT);
    }

    @Test
    void refusesARenamedExecutableWhateverItsNameOrDeclaredType() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Guard");

        upload(client, dog, "photo.jpg", ELF, "image/jpeg").post("/api/files").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("error.details.file", contains("is an executable"))
                .body("error.details.allowed_types", hasItem("image/jpeg"));
        byte[] pe = Arrays.copyOf("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 128);
        upload(client, dog, "report.pdf", pe, "application/pdf").post("/api/files").then().statusCode(415);
        byte[] machO = bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1);
        upload(client, dog, "scan.png", machO, "image/png").post("/api/files").then().statusCode(415);
        byte[] script = "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.US_ASCII);
        upload(client, dog, "notes.txt", script, "text/plain").post("/api/files").then().statusCode(415)
                .body("error.details.file", contains("is an executable"));
        byte[] zip = bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0);
        upload(client, dog, "plan.docx", zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .post("/api/files").then().statusCode(415)
                .body("error.details.file", contains("is not one of the allowed file types"));

        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void refusesTextThatIsNotCleanUtf8() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Nul");

        upload(client, dog, "notes.txt", "line one\u0000line two".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/files").then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        upload(client, dog, "latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/plain")
                .post("/api/files").then().statusCode(415);
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void refusesAFileOverTheLimitWith413() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Heavy");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);

        upload(client, dog, "huge.pdf", tooLarge, "application/pdf").post("/api/files").then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.details.max_bytes", equalTo(10 * 1024 * 1024))
                .body("error.details", hasKey("file"));
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void refusesABodyOverTheServerLimitWith413InTheEnvelope() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Heavier");
        byte[] tooLarge = new byte[12 * 1024 * 1024];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);

        upload(client, dog, "huger.pdf", tooLarge, "application/pdf").post("/api/files").then().statusCode(413)
                .contentType(containsString("application/json"))
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void refusesAChunkedBodyOverTheServerLimitWith413InTheEnvelope() throws Exception {
        Client client = Clients.newClient();
        long dog = newDog(client, "Chunked");
        String boundary = "chunked-boundary-7f3a";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dog_id\"\r\n\r\n" + dog + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[12 * 1024 * 1024];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        // a body of unknown length goes chunked: the limit cannot be checked from a Content-Length
        HttpRequest request = HttpRequest.newBuilder(filesUrl.toURI())
                .header("Authorization", "Bearer " + client.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head),
                                new ByteArrayInputStream(content), new ByteArrayInputStream(tail))))))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void storesAPathTraversalNameAsAPlainDisplayName() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Paths");

        int id = upload(client, dog, "../../etc/passwd.pdf", PDF, "application/pdf").post("/api/files").then()
                .statusCode(201).body("name", equalTo("passwd.pdf")).extract().path("id");
        upload(client, dog, "..\\..\\Windows\\system32\\evil.pdf", PDF, "application/pdf").post("/api/files").then()
                .statusCode(201).body("name", equalTo("evil.pdf"));
        upload(client, dog, "x".repeat(300) + ".pdf", PDF, "application/pdf").post("/api/files").then()
                .statusCode(201).body("name", equalTo("x".repeat(FileNames.MAX_LENGTH - 4) + ".pdf"));

        assertThat(attachment(id).text("name")).isEqualTo("passwd.pdf");
    }

    @Test
    void servesAnAttachmentMadeInOdooWithAnUnsafeTypeAsOpaqueBytesUnderASafeName() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Legacy");
        long id = odoo().create("ir.attachment", Map.of("name", "re\"port\r\n<b>.html", "res_model", "customk9.dog",
                "res_id", dog, "mimetype", "text/html",
                "datas", Base64.getEncoder().encodeToString("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))
                .await().atMost(Duration.ofSeconds(10));

        client.request().get("/api/files/" + id + "/content").then().statusCode(200)
                .header("Content-Type", "application/octet-stream")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", equalTo(
                        "attachment; filename=\"re_port _b_.html\"; filename*=UTF-8''re_port%20_b_.html"));
    }

    @Test
    void anotherClientsFileIsNotFoundForEveryVerb() {
        Client owner = Clients.newClient();
        long dog = newDog(owner, "Private");
        int id = upload(owner, dog, "mine.pdf", PDF, "application/pdf").post("/api/files").then().statusCode(201)
                .extract().path("id");
        Client stranger = Clients.newClient();

        stranger.request().get("/api/files/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.request().get("/api/files/" + id + "/content").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        stranger.request().delete("/api/files/" + id).then().statusCode(404);
        stranger.request().queryParam("dog_id", dog).get("/api/files").then().statusCode(404);
        stranger.request().get("/api/files").then().statusCode(200).body("items", empty());
        upload(stranger, dog, "planted.pdf", PDF, "application/pdf").post("/api/files").then().statusCode(404);

        owner.request().get("/api/files/" + id + "/content").then().statusCode(200);
        owner.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(1));
    }

    @Test
    void onlyDocumentsOfMyOwnDogsAreMine() {
        String anna = TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER);
        long rexRecord = demoAttachment("rex-vaccination-record.pdf");
        long planHomework = demoAttachment("obedience-homework.pdf");
        long maxCertificate = demoAttachment("max-agility-certificate.pdf");

        as(anna).get("/api/files/" + rexRecord).then().statusCode(200).body("dog.name", equalTo("Rex"));
        as(anna).queryParam("dog_id", Clients.DOG_REX).get("/api/files").then().statusCode(200)
                .body("items.name", hasItem("rex-vaccination-record.pdf"));
        // an attachment of Anna's training plan is not a dog's document; Max is Ben's
        as(anna).get("/api/files/" + planHomework).then().statusCode(404);
        as(anna).get("/api/files/" + maxCertificate).then().statusCode(404);
        as(anna).get("/api/files/" + maxCertificate + "/content").then().statusCode(404);
        as(anna).get("/api/files").then().statusCode(200)
                .body("items.name", not(hasItem("max-agility-certificate.pdf")))
                .body("items.name", not(hasItem("obedience-homework.pdf")));
        as(TestTokens.trainer(Clients.SARAH_UID, Clients.SARAH_PARTNER)).get("/api/files/" + rexRecord).then()
                .statusCode(200);
    }

    @Test
    void validatesThePartsByName() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Forms");

        multipart(client).multiPart("dog_id", String.valueOf(dog)).post("/api/files").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("file"));
        multipart(client).multiPart("file", "a.pdf", PDF, "application/pdf").post("/api/files").then().statusCode(400)
                .body("error.details.dog_id", contains("must not be blank"));
        // content sent as a plain field (no filename) is still checked by its content, and named for it
        int plainField = multipart(client).multiPart("file", "%PDF-1.4 sent as a plain form field")
                .multiPart("dog_id", String.valueOf(dog)).post("/api/files").then().statusCode(201)
                .body("name", equalTo("file.pdf")).extract().path("id");
        client.request().delete("/api/files/" + plainField).then().statusCode(204);
        multipart(client).multiPart("file", "a.pdf", PDF, "application/pdf").multiPart("dog_id", "rex")
                .post("/api/files").then().statusCode(400).body("error.details.dog_id", contains("must be a positive integer"));
        multipart(client).multiPart("file", "a.pdf", PDF, "application/pdf").multiPart("dog_id", "-3")
                .post("/api/files").then().statusCode(400).body("error.details.dog_id", contains("must be a positive integer"));
        upload(client, dog, "a.pdf", PDF, "application/pdf").multiPart("description", "d".repeat(1001))
                .post("/api/files").then().statusCode(400).body("error.details", hasKey("description"));
        upload(client, dog, "empty.pdf", new byte[0], "application/pdf").post("/api/files").then().statusCode(400)
                .body("error.details.file", contains("must not be empty"));
        client.request().body(Map.of("dog_id", dog)).post("/api/files").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        client.request().queryParam("dog_id", "rex").get("/api/files").then().statusCode(400)
                .body("error.details", hasKey("dog_id"));
        client.request().queryParam("limit", 1000).get("/api/files").then().statusCode(400);
        client.request().get("/api/files/not-a-number").then().statusCode(400);
        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(0));
    }

    @Test
    void documentsTheEndpointsInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/files'.post.tags", contains("Files"))
                .body("paths.'/api/files'.post.requestBody.content.'multipart/form-data'.schema.$ref",
                        equalTo("#/components/schemas/UploadForm"))
                .body("components.schemas.UploadForm.properties.file.format", equalTo("binary"))
                .body("components.schemas.UploadForm.properties", hasKey("dog_id"))
                .body("components.schemas.UploadForm.required", containsInAnyOrder("file", "dog_id"))
                .body("paths.'/api/files'.get.summary", not(nullValue()))
                .body("paths.'/api/files/{id}'.get.summary", not(nullValue()))
                .body("paths.'/api/files/{id}'.delete.summary", not(nullValue()))
                .body("paths.'/api/files/{id}/content'.get.summary", not(nullValue()))
                .body("paths.'/api/files'.post.responses", hasKey("413"))
                .body("paths.'/api/files'.post.responses", hasKey("415"));
    }

    @Test
    void needsAValidToken() {
        given().get("/api/files").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().multiPart("file", "a.pdf", PDF, "application/pdf").multiPart("dog_id", "1").post("/api/files").then()
                .statusCode(401);
    }

    @Test
    void anIdempotencyKeyUploadsOnceAndReplaysTheFirstAnswer() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Once");

        int first = upload(client, dog, "once.pdf", PDF, "application/pdf").header("Idempotency-Key", "upload-once-1")
                .post("/api/files").then().statusCode(201).extract().path("id");
        upload(client, dog, "once.pdf", PDF, "application/pdf").header("Idempotency-Key", "upload-once-1")
                .post("/api/files").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        upload(client, dog, "once.pdf", TEXT, "application/pdf").header("Idempotency-Key", "upload-once-1")
                .post("/api/files").then().statusCode(422);

        client.request().queryParam("dog_id", dog).get("/api/files").then().body("total", equalTo(1));
    }

    @Test
    void publishesUploadedAndDeletedExactlyOnce() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Echo");
        int id = upload(client, dog, "echo.pdf", PDF, "application/pdf").header("Idempotency-Key", "upload-event-once")
                .post("/api/files").then().statusCode(201).extract().path("id");
        upload(client, dog, "echo.pdf", PDF, "application/pdf").header("Idempotency-Key", "upload-event-once")
                .post("/api/files").then().statusCode(201);
        client.request().delete("/api/files/" + id).then().statusCode(204);
        client.request().delete("/api/files/" + id).then().statusCode(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> uploaded = TrainingEventsTopic.events("document:" + id, DocumentEvents.DOCUMENT_UPLOADED);
            assertThat(uploaded).hasSize(1);
            assertThat(uploaded.get(0)).extractingByKey("data").asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).extractingByKey("document")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("name", "echo.pdf").containsEntry("mimetype", "application/pdf");
            List<Map<String, Object>> deleted = TrainingEventsTopic.events("document:" + id, DocumentEvents.DOCUMENT_DELETED);
            assertThat(deleted).hasSize(1);
            assertThat(deleted.get(0)).extractingByKey("data").asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("dog_id", (int) dog);
        });
    }

    @Test
    void uploadFailsWith502WhenOdooIsDown() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Offline");
        Emulator.outage("close");

        upload(client, dog, "offline.pdf", PDF, "application/pdf").post("/api/files").then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
        Emulator.clearFaults();
        client.request().queryParam("dog_id", dog).get("/api/files").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void deleteFailsWith502WhenOdooIsDown() {
        Client client = Clients.newClient();
        long dog = newDog(client, "Stuck");
        int id = upload(client, dog, "stuck.pdf", PDF, "application/pdf").post("/api/files").then().statusCode(201)
                .extract().path("id");
        client.request().get("/api/files/" + id).then().statusCode(200);
        Emulator.outage("close");

        client.request().delete("/api/files/" + id).then().statusCode(502).body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
        Emulator.clearFaults();
        client.request().get("/api/files/" + id).then().statusCode(200);
    }

    // ---- helpers ----

    static long newDog(Client client, String name) {
        return client.request().body(Map.of("name", name)).post("/api/dogs").then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    static RequestSpecification multipart(Client client) {
        return given().header("Authorization", "Bearer " + client.token());
    }

    static RequestSpecification upload(Client client, long dog, String fileName, byte[] content, String declaredType) {
        return multipart(client).multiPart("file", fileName, content, declaredType).multiPart("dog_id", String.valueOf(dog));
    }

    private static OdooClient odoo() {
        return Arc.container().instance(OdooClient.class).get();
    }

    private static OdooRecord attachment(long id) {
        return odoo().read("ir.attachment", List.of(id), List.of("name", "res_model", "res_id"))
                .await().atMost(Duration.ofSeconds(10)).get(0);
    }

    private static long demoAttachment(String name) {
        return odoo().searchRead("ir.attachment", SearchQuery.where(Domain.where("name", "=", name)).fields("name")
                .orderBy("id").limit(1)).await().atMost(Duration.ofSeconds(10)).get(0).id();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
