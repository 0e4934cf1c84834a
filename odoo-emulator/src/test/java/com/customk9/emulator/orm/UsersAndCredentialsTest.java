package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoData;
import com.customk9.emulator.seed.DemoIds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsersAndCredentialsTest {

    @Inject
    Orm orm;

    @Inject
    @DataSource("odoo")
    AgroalDataSource dataSource;

    @Inject
    OrmConfig config;

    private long newUser(String login, String password) {
        return orm.create(ADMIN_UID, "res.users", Map.of("name", "User " + login, "login", login, "password", password));
    }

    private String storedJson(String model, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select data::text from " + config.schema() + ".record where model = ? and id = ?")) {
            query.setString(1, model);
            query.setLong(2, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void passwordsAreStoredAsPbkdf2HashesNeverInClear() throws SQLException {
        long user = newUser("hashed-" + System.nanoTime() + "@example.com", "Correct-Horse-42");
        String stored = storedJson("res.users", user);
        assertThat(stored).contains("$pbkdf2-sha512$25000$").doesNotContain("Correct-Horse-42");
    }

    @Test
    void readNeverReturnsThePassword() {
        long user = newUser("unreadable-" + System.nanoTime() + "@example.com", "Correct-Horse-42");
        Map<String, Object> all = orm.read(ADMIN_UID, "res.users", List.of(user), null).get(0);
        assertThat(all).containsEntry("password", "");
        assertThat(all.toString()).doesNotContain("pbkdf2").doesNotContain("Correct-Horse-42");
    }

    @Test
    void authenticateAcceptsTheRightPasswordOnly() {
        String login = "auth-" + System.nanoTime() + "@example.com";
        long user = newUser(login, "right-password");
        assertThat(orm.users().authenticate(login, "right-password")).contains(user);
        assertThat(orm.users().authenticatePassword(login, "right-password")).contains(user);
        assertThat(orm.users().authenticate(login, "wrong-password")).isEmpty();
        assertThat(orm.users().authenticate(login.toUpperCase(), "right-password")).isEmpty();
        assertThat(orm.users().authenticate("nobody@example.com", "right-password")).isEmpty();
        assertThat(orm.users().authenticate(login, "")).isEmpty();
        assertThat(orm.users().authenticate(DemoData.INTEGRATION_LOGIN, "anything")).isEmpty();
    }

    @Test
    void archivedUsersNeverAuthenticate() {
        String login = "archived-" + System.nanoTime() + "@example.com";
        long user = newUser(login, "pw-archived");
        String key = orm.users().createApiKey(user, "archived key");
        orm.write(ADMIN_UID, "res.users", List.of(user), Map.of("active", false));
        assertThat(orm.users().authenticate(login, "pw-archived")).isEmpty();
        assertThat(orm.users().userForApiKey(key)).isEmpty();
    }

    @Test
    void passwordsSetThroughWriteOrSetPasswordAreHashedAndUsable() {
        String login = "change-" + System.nanoTime() + "@example.com";
        long user = newUser(login, "first");
        orm.write(ADMIN_UID, "res.users", List.of(user), Map.of("password", "second"));
        assertThat(orm.users().authenticate(login, "first")).isEmpty();
        assertThat(orm.users().authenticate(login, "second")).contains(user);
        orm.users().setPassword(user, "third");
        assertThat(orm.users().authenticate(login, "third")).contains(user);
        assertThatThrownBy(() -> orm.users().setPassword(user, ""))
                .isInstanceOf(OdooException.UserError.class)
                .hasMessage("Setting empty passwords is not allowed for security reasons!");
    }

    @Test
    void apiKeysAreStoredHashedAndIdentifyTheirUser() throws SQLException {
        String login = "keys-" + System.nanoTime() + "@example.com";
        long user = newUser(login, "pw-keys");
        String key = orm.users().createApiKey(user, "my integration");
        assertThat(key).matches("[0-9a-f]{40}");
        assertThat(orm.users().userForApiKey(key)).contains(user);
        assertThat(orm.users().userForApiKey(key.substring(0, 39) + "x")).isEmpty();
        assertThat(orm.users().userForApiKey("short")).isEmpty();
        List<Map<String, Object>> keys = orm.searchRead(user, "res.users.apikeys", List.of(), null, 0, null, null);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsEntry("name", "my integration").containsEntry("user_id",
                List.of(user, "User " + login)).containsEntry("scope", "rpc");
        assertThat(keys.get(0).toString()).doesNotContain(key);
        assertThat(storedJson("res.users.apikeys", (Long) keys.get(0).get("id"))).doesNotContain(key)
                .contains(key.substring(0, 8)).contains("$pbkdf2-sha512$");
    }

    @Test
    void anApiKeyReplacesThePasswordForRpcButNotForInteractiveLogin() {
        String login = "rpc-" + System.nanoTime() + "@example.com";
        long user = newUser(login, "pw-rpc");
        String key = orm.users().createApiKey(user, "rpc");
        assertThat(orm.users().authenticate(login, key)).contains(user);
        assertThat(orm.users().authenticatePassword(login, key)).isEmpty();
        assertThat(orm.users().authenticate("admin", key)).isEmpty();
        assertThat(orm.users().authenticate(DemoData.INTEGRATION_LOGIN,
                "ck9-local-integration-key")).contains(DemoIds.INTEGRATION_UID);
    }

    @Test
    void aRevokedApiKeyStopsWorking() {
        long user = newUser("revoke-" + System.nanoTime() + "@example.com", "pw-revoke");
        String key = orm.users().createApiKey(user, "to revoke");
        List<Long> keyIds = orm.search(user, "res.users.apikeys", List.of(), 0, null, null);
        orm.unlink(user, "res.users.apikeys", keyIds);
        assertThat(orm.users().userForApiKey(key)).isEmpty();
    }

    @Test
    void apiKeysCannotBeCreatedOrChangedThroughTheOrm() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "res.users.apikeys", Map.of("name", "forged",
                "user_id", ADMIN_UID))).isInstanceOf(OdooException.AccessError.class);
        assertThatThrownBy(() -> orm.create(DemoIds.ANNA_CLIENT_UID, "res.users.apikeys", Map.of("name", "forged",
                "user_id", DemoIds.ANNA_CLIENT_UID))).isInstanceOf(OdooException.AccessError.class);
    }

    @Test
    void groupsAndAdminFlagComeFromTheUsersGroups() {
        assertThat(orm.users().isAdmin(ADMIN_UID)).isTrue();
        assertThat(orm.users().isAdmin(DemoIds.SARAH_TRAINER_UID)).isFalse();
        assertThat(orm.users().groupNames(DemoIds.SARAH_TRAINER_UID))
                .containsExactly("Internal User", "User: Own Documents Only", "Trainer");
        assertThat(orm.users().groupNames(999_999)).isEmpty();
    }
}
