package com.customk9.attendance.face;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Enrolment and recognition through the API, on real photos, and bad uploads that must not hurt. */
@QuarkusTest
class FaceApiTest {

    private static final Map<String, List<Path>> JOHNS = FaceAssets.johns();

    private static byte[] photo(String person, int index) {
        return FaceAssets.jpeg(FaceAssets.onCanvas(JOHNS.get(person).get(index)));
    }

    private static RequestSpecification multipart(String key) {
        return given().header("X-API-Key", key);
    }

    private static String enrolled(String person) {
        String id = Api.newPersonId();
        Api.createPerson(id, person.replace('_', ' '));
        multipart(Api.key("*")).multiPart("image", "face.jpg", photo(person, 0), "image/jpeg")
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.faces", hasSize(1))
                .body("data.faces[0].person_id", equalTo(id));
        return id;
    }

    @Test
    void aRecognisedFaceIsMarkedThenCheckedOutAndAStrangerIsUnknown() {
        Api.config("duplicate_window_minutes", 0);
        Api.config("auto_mark_enabled", true);
        String simm = enrolled("John_Simm");
        String key = Api.key("recognize");

        multipart(key).multiPart("image", "frame.jpg", photo("John_Simm", 3), "image/jpeg").post("/api/v1/recognize")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.face_count", equalTo(1))
                .body("data.faces[0].recognized", equalTo(true))
                .body("data.faces[0].person_id", equalTo(simm))
                .body("data.faces[0].attendance.marked", equalTo(true))
                .body("data.faces[0].attendance.action", equalTo("check_in"))
                .body("data.faces[0].attendance.record.source", equalTo("face"));
        float confidence = multipart(key).multiPart("image", "frame.jpg", photo("John_Simm", 5), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(200)
                .body("data.faces[0].attendance.action", equalTo("check_out"))
                .extract().path("data.faces[0].confidence");
        assertThat(confidence).isBetween(40f, 100f);

        // A stranger (a person never enrolled in this test run is not matched to the nearest one)
        Mat stranger = Imgcodecs.imread(FaceAssets.photo("faces/2008_001009.jpg").toString());
        multipart(key).multiPart("image", "frame.jpg", FaceAssets.jpeg(stranger), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(200)
                .body("data.face_count", greaterThanOrEqualTo(1))
                .body("data.recognized_count", equalTo(0))
                .body("data.faces[0].person_id", nullValue())
                .body("data.faces[0].reason", equalTo("unknown_face"));
    }

    @Test
    void withinTheDuplicateWindowAFaceIsRecognisedButNotMarkedAgain() {
        Api.config("duplicate_window_minutes", 5);
        String salley = enrolled("John_Salley");
        String key = Api.key("recognize");
        multipart(key).multiPart("image", "f.jpg", photo("John_Salley", 2), "image/jpeg").post("/api/v1/recognize")
                .then().statusCode(200).body("data.faces[0].attendance.action", equalTo("check_in"));
        multipart(key).multiPart("image", "f.jpg", photo("John_Salley", 4), "image/jpeg").post("/api/v1/recognize")
                .then().statusCode(200)
                .body("data.faces[0].person_id", equalTo(salley))
                .body("data.faces[0].attendance.marked", equalTo(false))
                .body("data.faces[0].attendance.reason", equalTo("duplicate_attendance"));
        Api.admin().queryParam("person_id", salley).get("/api/v1/attendance").then().body("data.total", equalTo(1));
    }

    @Test
    void enrolsFromBase64ListsAndDeletesFaces() {
        String id = Api.newPersonId();
        Api.createPerson(id, "John Savage");
        String base64 = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo("John_Savage", 1));
        Api.admin().body(Map.of("images", List.of(base64, Base64.getEncoder().encodeToString(photo("John_Savage", 2)))))
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(201).body("data.total", equalTo(2));
        int faceId = Api.admin().get("/api/v1/persons/" + id + "/faces").then().statusCode(200)
                .body("data.total", equalTo(2))
                .body("data.faces[0].has_photo", equalTo(false))
                .extract().path("data.faces[0].face_id");
        // Photos are not kept unless configured (KeptPhotosTest)
        Api.admin().get("/api/v1/persons/" + id + "/faces/" + faceId + "/photo").then().statusCode(404);
        Api.admin().delete("/api/v1/persons/" + id + "/faces/" + faceId).then().statusCode(200);
        Api.admin().get("/api/v1/persons/" + id + "/faces").then().body("data.total", equalTo(1));
        Api.admin().delete("/api/v1/persons/" + id + "/faces/" + faceId).then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void badPhotosGetClearRefusalsAndNothingIsStored() {
        String id = Api.newPersonId();
        Api.createPerson(id, "Bad Photos");
        String key = Api.key("*");
        byte[] group = FaceAssets.bytes(FaceAssets.photo("faces/bald_guys.jpg"));
        multipart(key).multiPart("image", "group.jpg", group, "image/jpeg").post("/api/v1/persons/" + id + "/faces")
                .then().statusCode(422).body("success", equalTo(false)).body("code", equalTo("SEVERAL_FACES"));
        multipart(key).multiPart("image", "photo.jpg", "just some text, not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(415).body("code", equalTo("NOT_AN_IMAGE"));
        byte[] jpeg = photo("John_Shimkus", 0);
        multipart(key).multiPart("image", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg")
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(422).body("code", equalTo("CORRUPT_IMAGE"));
        byte[] bomb = pngHeader(100_000, 100_000);
        multipart(key).multiPart("image", "bomb.png", bomb, "image/png").post("/api/v1/recognize")
                .then().statusCode(413).body("code", equalTo("IMAGE_TOO_LARGE"));
        // A photo that is good, after a bad one in the same request: nothing is stored
        Api.admin().body(Map.of("images", List.of(Base64.getEncoder().encodeToString(photo("John_Shimkus", 1)),
                Base64.getEncoder().encodeToString("text".getBytes(StandardCharsets.UTF_8)))))
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(415);
        Api.admin().get("/api/v1/persons/" + id + "/faces").then().body("data.total", equalTo(0));
        Api.admin().body(Map.of("image", "%%% not base64 %%%")).post("/api/v1/persons/" + id + "/faces").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"));
        multipart(key).multiPart("image", "f.jpg", photo("John_Shimkus", 0), "image/jpeg")
                .post("/api/v1/persons/NOBODY/faces").then().statusCode(404);
    }

    @Test
    void aFiftyMegabyteUploadIs413AndTheServiceStaysUp() throws Exception {
        byte[] huge = new byte[50 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/recognize"))
                        .header("X-API-Key", Api.key("*"))
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"success\":false").contains("PAYLOAD_TOO_LARGE");
        given().get("/api/v1/health").then().statusCode(200).body("status", equalTo("healthy"));
    }

    @Test
    void recognitionNeedsItsPermission() {
        multipart(Api.key("person:read")).multiPart("image", "f.jpg", photo("John_Simm", 1), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().multiPart("image", "f.jpg", photo("John_Simm", 1), "image/jpeg").post("/api/v1/recognize")
                .then().statusCode(401);
    }

    /** A PNG signature and IHDR declaring width x height, and nothing after: refused from its header. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(64);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
        png.putInt(width).putInt(height).put(new byte[] { 8, 2, 0, 0, 0 });
        return Arrays.copyOf(png.array(), png.position());
    }
}
