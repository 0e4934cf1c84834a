package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.ANNA_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.error.OdooSessionExpiredException;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** Calls on behalf of a user: sign-in, refresh, sign-out, and renewal after Odoo expired the sessions. */
@QuarkusTest
class OdooUserSessionTest extends EmulatorTest {

    private static final String DOG = "customk9.dog";
    private static final SearchQuery DOGS = SearchQuery.all().fields("name", "owner_id").limit(50);

    @BeforeAll
    static void seededData() {
        Emulator.reset();
    }

    @Test
    void signsInAndActsAsTheUser() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));

        OdooRecord me = await(odoo.as(anna).me());
        List<OdooRecord> dogs = await(odoo.as(anna).search(DOG, DOGS));

        assertThat(anna.userId()).isEqualTo(ANNA_UID);
        assertThat(anna.token()).hasSize(48);
        assertThat(anna.expiresAt()).isPresent();
        assertThat(me.id()).isEqualTo(ANNA_UID);
        assertThat(dogs).isNotEmpty().allSatisfy(dog -> assertThat(dog.many2oneId("owner_id")).contains(ANNA_PARTNER));
    }

    @Test
    void callsJsonRpcInTheUsersWebSession() {
        OdooUserSession trainer = await(odoo.login(Emulator.TRAINER_LOGIN, Emulator.TRAINER_PASSWORD));

        long count = await(odoo.as(trainer).searchCount(DOG, Domain.all()));
        await(odoo.as(trainer).searchCount(DOG, Domain.where("active", "=", true)));

        assertThat(count).isPositive();
        assertThat(trainer.webSessionId()).isPresent();
        assertThat(Emulator.calls("web", DOG, "search_count")).isEqualTo(2);
        assertThat(Emulator.requests("web")).isEqualTo(3);
    }

    @Test
    void refreshesOnDemandWithANewToken() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        String first = anna.token();

        await(odoo.refresh(anna));

        assertThat(anna.token()).isNotEqualTo(first);
        assertThat(await(odoo.as(anna).me()).id()).isEqualTo(ANNA_UID);
    }

    @Test
    void refreshesAnExpiredTokenTransparently() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        String expired = anna.token();
        Emulator.expireSessions(false);
        Emulator.clearStats();

        List<OdooRecord> dogs = await(odoo.as(anna).search(DOG, DOGS));

        assertThat(dogs).isNotEmpty();
        assertThat(anna.token()).isNotEqualTo(expired);
        assertThat(Emulator.calls("api_v2", "res.users", "auth/refresh")).isEqualTo(1);
        assertThat(Emulator.calls("api_v2", "res.users", "auth/login")).isZero();
        assertThat(Emulator.calls("api_v2", DOG, "search")).isEqualTo(2);
    }

    @Test
    void signsInAgainWhenTheTokenIsPastItsGracePeriod() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        Emulator.expireSessions(true);
        Emulator.clearStats();

        OdooRecord me = await(odoo.as(anna).me());

        assertThat(me.id()).isEqualTo(ANNA_UID);
        assertThat(Emulator.calls("api_v2", "res.users", "auth/refresh")).isEqualTo(1);
        assertThat(Emulator.calls("api_v2", "res.users", "auth/login")).isEqualTo(1);
    }

    @Test
    void reopensTheWebSessionAfterOdooSaysSessionExpired() {
        OdooUserSession trainer = await(odoo.login(Emulator.TRAINER_LOGIN, Emulator.TRAINER_PASSWORD));
        await(odoo.as(trainer).searchCount(DOG, Domain.all()));
        String dropped = trainer.webSessionId().orElseThrow();
        Emulator.expireSessions(false);
        Emulator.clearStats();

        long count = await(odoo.as(trainer).searchCount(DOG, Domain.where("id", ">", 0)));

        assertThat(count).isPositive();
        assertThat(trainer.webSessionId()).get().isNotEqualTo(dropped);
        assertThat(Emulator.calls("web", DOG, "search_count")).isEqualTo(2);
        assertThat(Emulator.requests("web")).isEqualTo(3);
    }

    @Test
    void concurrentCallsShareOneRenewal() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        Emulator.expireSessions(true);
        Emulator.clearStats();

        List<Long> counts = await(io.smallrye.mutiny.Uni.join().all(
                odoo.as(anna).search(DOG, DOGS.limit(1)).map(List::size).map(Long::valueOf),
                odoo.as(anna).search(DOG, DOGS.limit(2)).map(List::size).map(Long::valueOf),
                odoo.as(anna).search(DOG, DOGS.limit(3)).map(List::size).map(Long::valueOf)).andFailFast());

        assertThat(counts).allMatch(count -> count > 0);
        assertThat(Emulator.calls("api_v2", "res.users", "auth/login")).isEqualTo(1);
    }

    @Test
    void aSignedOutSessionIsNotRevived() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        await(odoo.as(anna).search(DOG, DOGS));

        await(odoo.logout(anna));
        Emulator.clearStats();
        Throwable uncached = catchThrowable(() -> await(odoo.as(anna).me()));
        Throwable cached = catchThrowable(() -> await(odoo.as(anna).search(DOG, DOGS)));

        assertThat(uncached).isInstanceOf(OdooSessionExpiredException.class);
        assertThat(cached).isInstanceOf(OdooSessionExpiredException.class);
        assertThat(Emulator.totalRequests()).isZero();
    }
}
