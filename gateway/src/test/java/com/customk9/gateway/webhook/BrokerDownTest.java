package com.customk9.gateway.webhook;

import static com.customk9.gateway.support.Clients.anonymous;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Signatures;
import com.customk9.platform.testing.KafkaBrokers;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The webhook producer pointed at a closed port: nothing acknowledges, so nothing is accepted. */
@QuarkusTest
@TestProfile(BrokerDownTest.BrokerDown.class)
class BrokerDownTest {

    public static class BrokerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.gateway.webhook.bootstrap-servers", "127.0.0.1:" + KafkaBrokers.freePort());
        }
    }

    @Test
    void webhookIs503WhenTheBrokerDoesNotAcknowledgeAndCanBeRetried() {
        long now = Signatures.now();
        String body = "{\"_id\": 9, \"_model\": \"customk9.dog\"}";
        String signature = Signatures.sign(Signatures.SECRET, now, body);
        for (int attempt = 0; attempt < 2; attempt++) {
            // The second attempt is the sender's retry: 503 again, not 409 (the failed one was forgotten).
            anonymous().contentType("application/json").body(body)
                    .header("X-Odoo-Timestamp", String.valueOf(now)).header("X-Odoo-Signature", signature)
                    .when().post("/api/odoo/webhook")
                    .then().statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        }
    }
}
