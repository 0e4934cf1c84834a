package com.customk9.auth.lockout;

import static com.customk9.auth.support.Clients.freshAddress;
import static com.customk9.auth.support.Clients.from;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Test settings: 3 failures lock an account, 6 block an address, for 2 seconds. */
@QuarkusTest
class LockoutTest {

    @Test
    void locksAnAccountAfterRepeatedFailuresEvenForTheRightPassword() {
        String email = Accounts.newEmail();
        Accounts.register(email);

        attempt(email, "wrong-password-1", freshAddress()).statusCode(401);
        attempt(email, "wrong-password-2", freshAddress()).statusCode(401);
        attempt(email, "wrong-password-3", freshAddress()).statusCode(423)
                .body("error.code", equalTo("LOCKED"))
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body("error.details.retry_after", greaterThan(0));

        attempt(email, Accounts.PASSWORD, freshAddress()).statusCode(423);
    }

    @Test
    void unlocksAfterTheCoolDown() {
        String email = Accounts.newEmail();
        Accounts.register(email);
        for (int i = 0; i < 3; i++) {
            attempt(email, "wrong-password", freshAddress());
        }
        attempt(email, Accounts.PASSWORD, freshAddress()).statusCode(423);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> attempt(email, Accounts.PASSWORD, freshAddress()).extract().statusCode() == 200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsCount() {
        String email = Accounts.newEmail();
        Accounts.register(email);

        attempt(email, "wrong-password", freshAddress()).statusCode(401);
        attempt(email, "wrong-password", freshAddress()).statusCode(401);
        attempt(email, Accounts.PASSWORD, freshAddress()).statusCode(200);
        attempt(email, "wrong-password", freshAddress()).statusCode(401);
        attempt(email, "wrong-password", freshAddress()).statusCode(401);

        attempt(email, Accounts.PASSWORD, freshAddress()).statusCode(200);
    }

    @Test
    void blocksAnAddressTryingManyAccounts() {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            attempt(Accounts.newEmail(), "guess-" + i, address).statusCode(401);
        }
        attempt(Accounts.newEmail(), "guess-6", address).statusCode(429)
                .body("error.code", equalTo("TOO_MANY_REQUESTS")).header("Retry-After", Integer::parseInt, greaterThan(0));

        String email = Accounts.newEmail();
        Accounts.register(email);
        attempt(email, Accounts.PASSWORD, address).statusCode(429);
        attempt(email, Accounts.PASSWORD, freshAddress()).statusCode(200);
    }

    @Test
    void unknownAccountsAreCountedLikeKnownOnes() {
        String nobody = Accounts.newEmail();
        attempt(nobody, "x-1", freshAddress()).statusCode(401);
        attempt(nobody, "x-2", freshAddress()).statusCode(401);
        attempt(nobody, "x-3", freshAddress()).statusCode(423);
    }

    private static ValidatableResponse attempt(String email, String password, String address) {
        return from(address).body(Map.of("email", email, "password", password)).when().post("/api/auth/login").then();
    }
}
