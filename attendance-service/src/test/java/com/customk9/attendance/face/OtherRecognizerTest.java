package com.customk9.attendance.face;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A service configured with another recogniser (the SFace code path, here with a stand-in network of 192
 * values, see src/test/resources/models): it reports it, stores what it makes with its checksum, and never
 * matches templates another model made.
 */
@QuarkusTest
@TestProfile(OtherRecognizerTest.SFacePath.class)
class OtherRecognizerTest {

    public static class SFacePath implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.attendance.face.recognizer", "sface",
                    "customk9.attendance.face.recognizer-model", FacePipelineTest.thumbnailRecognizer().toString());
        }
    }

    private static byte[] photo(String person, int index) {
        return FaceAssets.jpeg(FaceAssets.onCanvas(FaceAssets.johns().get(person).get(index)));
    }

    @Test
    void theStatusNamesTheRunningModels() {
        Api.admin().get("/api/v1/status").then().statusCode(200)
                .body("data.models.loaded", equalTo(true))
                .body("data.models.detector.kind", equalTo("rfb320"))
                .body("data.models.detector.file", equalTo("fr_detect.onnx"))
                .body("data.models.embedding.kind", equalTo("sface"))
                .body("data.models.embedding.file", equalTo("thumbnail-recognizer.prototxt"))
                .body("data.models.embedding_dimensions", equalTo(192))
                .body("data.models.templates_of_other_models", greaterThanOrEqualTo(0));
    }

    @Test
    void facesEnrolledWithThisModelAreMatchedAndThoseOfAnotherModelAreNot() {
        Api.config("auto_mark_enabled", false);
        String key = Api.key("*");
        // A template another recogniser made (512 values, another checksum), for a person of its own.
        String older = Api.newPersonId();
        Api.createPerson(older, "John Salley");
        Api.sql("insert into face_template (person_ref, embedding, detection_score, embedding_model) "
                + "select id, decode(repeat('00', 2048), 'hex'), 0.99, repeat('ab', 32) from person where person_id = '" + older + "'");
        given().header("X-API-Key", key).get("/api/v1/persons/" + older + "/faces").then().statusCode(200)
                .body("data.faces", hasSize(1))
                .body("data.faces[0].current_model", equalTo(false));

        String id = Api.newPersonId();
        Api.createPerson(id, "John Savage");
        given().header("X-API-Key", key).multiPart("image", "face.jpg", photo("John_Savage", 4), "image/jpeg")
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(201)
                .body("data.faces[0].current_model", equalTo(true));
        given().header("X-API-Key", key).multiPart("image", "frame.jpg", photo("John_Savage", 4), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(200)
                .body("data.faces[0].recognized", equalTo(true))
                .body("data.faces[0].person_id", equalTo(id))
                .body("data.faces[0].confidence", equalTo(100.0f));
    }
}
