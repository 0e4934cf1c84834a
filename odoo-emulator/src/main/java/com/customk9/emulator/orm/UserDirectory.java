package com.customk9.emulator.orm;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.customk9.emulator.model.DateFormats;
import com.customk9.emulator.model.Groups;

/**
 * Odoo's credential checks: passwords as PBKDF2 hashes on res.users (never readable), API keys as res.users.apikeys
 * rows holding an 8-character index and a PBKDF2 hash of the key (Odoo 17's {@code _check_credentials}: for RPC an
 * API key is accepted wherever the password is).
 */
final class UserDirectory implements Orm.Users {

    /** Odoo's API_KEY_SIZE (bytes of randomness, hex-encoded to 40 characters) and INDEX_SIZE. */
    private static final int KEY_BYTES = 20;
    static final int INDEX_SIZE = 8;

    private final OdooOrm orm;
    private final PasswordHasher keyHasher;
    private final SecureRandom random = new SecureRandom();

    UserDirectory(OdooOrm orm, PasswordHasher keyHasher) {
        this.orm = orm;
        this.keyHasher = keyHasher;
    }

    @Override
    public Optional<Long> authenticate(String login, String password) {
        return check(login, password, true);
    }

    @Override
    public Optional<Long> authenticatePassword(String login, String password) {
        return check(login, password, false);
    }

    private Optional<Long> check(String login, String password, boolean acceptApiKey) {
        if (login == null || login.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return orm.inRead(Environment.SUPERUSER_ID, env -> {
            for (Map<String, Object> user : env.tx().all("res.users")) {
                if (!login.equals(user.get("login")) || !Boolean.TRUE.equals(user.get("active"))) {
                    continue;
                }
                Long uid = (Long) user.get("id");
                if (env.passwords().verify(password, (String) user.get("__password_hash"))) {
                    return Optional.of(uid);
                }
                if (acceptApiKey && uid.equals(apiKeyOwner(env, password).orElse(null))) {
                    return Optional.of(uid);
                }
                return Optional.<Long>empty();
            }
            return Optional.<Long>empty();
        });
    }

    @Override
    public Optional<Long> userForApiKey(String apiKey) {
        if (apiKey == null || apiKey.length() < INDEX_SIZE) {
            return Optional.empty();
        }
        return orm.inRead(Environment.SUPERUSER_ID, env -> apiKeyOwner(env, apiKey));
    }

    private Optional<Long> apiKeyOwner(Environment env, String key) {
        if (key.length() < INDEX_SIZE) {
            return Optional.empty();
        }
        String index = key.substring(0, INDEX_SIZE);
        String now = DateFormats.datetime(env.now());
        for (Map<String, Object> apiKey : env.tx().all("res.users.apikeys")) {
            if (!index.equals(apiKey.get("__index")) || !keyHasher.verify(key, (String) apiKey.get("__key"))) {
                continue;
            }
            if (apiKey.get("expiration_date") instanceof String expires && expires.compareTo(now) <= 0) {
                continue;
            }
            Map<String, Object> user = env.tx().get("res.users", (Long) apiKey.get("user_id"));
            if (user != null && Boolean.TRUE.equals(user.get("active"))) {
                return Optional.of((Long) user.get("id"));
            }
        }
        return Optional.empty();
    }

    @Override
    public String createApiKey(long uid, String name) {
        String key = HexFormat.of().formatHex(randomBytes());
        orm.inWrite(Environment.SUPERUSER_ID, env -> {
            install(env, uid, name, key);
            return null;
        });
        return key;
    }

    /** Stores a given key for the user (the demo data's configured integration key). */
    void install(Environment env, long uid, String name, String key) {
        if (key == null || key.length() < INDEX_SIZE) {
            throw new OdooException.UserError("An API key needs at least " + INDEX_SIZE + " characters.");
        }
        Map<String, Object> user = env.tx().get("res.users", uid);
        if (user == null) {
            throw new OdooException.MissingError("Record does not exist or has been deleted.\n(Record: res.users("
                    + uid + ",), User: " + env.uid() + ")");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name == null || name.isBlank() ? "API Key" : name);
        values.put("user_id", uid);
        values.put("scope", "rpc");
        long id = env.sudo().create("res.users.apikeys", values);
        env.store(env.model("res.users.apikeys"), id, Map.of("__index", key.substring(0, INDEX_SIZE),
                "__key", keyHasher.hash(key)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void setPassword(long uid, String newPassword) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new OdooException.UserError("Setting empty passwords is not allowed for security reasons!");
        }
        orm.inWrite(Environment.SUPERUSER_ID, env -> {
            env.write("res.users", List.of(uid), Map.of("password", newPassword));
            return null;
        });
    }

    @Override
    public boolean isAdmin(long uid) {
        if (uid == Environment.SUPERUSER_ID) {
            return true;
        }
        return orm.inRead(Environment.SUPERUSER_ID,
                env -> AccessPolicy.hasGroup(env.tx().get("res.users", uid), Groups.SETTINGS));
    }

    @Override
    public List<String> groupNames(long uid) {
        return orm.inRead(Environment.SUPERUSER_ID, env -> {
            Map<String, Object> user = env.tx().get("res.users", uid);
            if (user == null || !(user.get("groups_id") instanceof List<?> groups)) {
                return List.<String>of();
            }
            LinkedHashSet<String> names = new LinkedHashSet<>();
            groups.stream().map(id -> (Long) id).sorted().forEach(id -> {
                Map<String, Object> group = env.tx().get("res.groups", id);
                if (group != null) {
                    names.add((String) group.get("name"));
                }
            });
            return new ArrayList<>(names);
        });
    }
}
