package com.customk9.attendance.face;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.attendance.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With customk9.attendance.face.keep-photos on, the enrolment photo is kept and served back as it was. */
@QuarkusTest
@TestProfile(KeptPhotosTest.KeepPhotos.class)
class KeptPhotosTest {

    public static class KeepPhotos implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.attendance.face.keep-photos", "true");
        }
    }

    @Test
    void theEnrolmentPhotoIsKeptAndServedBackByteForByte() {
        String id = Api.newPersonId();
        Api.createPerson(id, "John Savage");
        byte[] photo = FaceAssets.jpeg(FaceAssets.onCanvas(FaceAssets.johns().get("John_Savage").get(3)));
        String key = Api.key("*");
        int faceId = given().header("X-API-Key", key).multiPart("image", "face.jpg", photo, "image/jpeg")
                .post("/api/v1/persons/" + id + "/faces").then().statusCode(201)
                .body("data.faces[0].has_photo", equalTo(true))
                .extract().path("data.faces[0].face_id");
        byte[] served = given().header("X-API-Key", key).get("/api/v1/persons/" + id + "/faces/" + faceId + "/photo")
                .then().statusCode(200).contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(served).isEqualTo(photo);
        // Someone else's face id under this person: not found
        given().header("X-API-Key", key).get("/api/v1/persons/NOBODY/faces/" + faceId + "/photo").then().statusCode(404);
    }
}
