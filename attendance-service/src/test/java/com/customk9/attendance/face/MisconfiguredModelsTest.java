package com.customk9.attendance.face;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * YuNet asked for but its file not there (no registry serves it: an operator brings it): the service runs
 * everything but faces, and says which file is missing.
 */
@QuarkusTest
@TestProfile(MisconfiguredModelsTest.YuNetWithoutItsFile.class)
class MisconfiguredModelsTest {

    public static class YuNetWithoutItsFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.attendance.face.detector", "yunet");
        }
    }

    @Test
    void faceEndpointsAnswer503SayingWhichFileIsMissingAndTheRestWorks() {
        Api.admin().get("/api/v1/status").then().statusCode(200)
                .body("data.models.loaded", equalTo(false))
                .body("data.models.reason", containsString("face_detection_yunet_2023mar.onnx"));
        given().header("X-API-Key", Api.key("*")).multiPart("image", "frame.jpg",
                FaceAssets.jpeg(FaceAssets.onCanvas(FaceAssets.johns().get("John_Simm").get(0))), "image/jpeg")
                .post("/api/v1/recognize").then().statusCode(503)
                .body("success", equalTo(false))
                .body("error", containsString("face_detection_yunet_2023mar.onnx"));
        String id = Api.newPersonId();
        Api.createPerson(id, "Still Works");
        Api.admin().get("/api/v1/persons/" + id).then().statusCode(200).body("data.person_id", equalTo(id));
        given().get("/api/v1/health").then().statusCode(200);
    }
}
