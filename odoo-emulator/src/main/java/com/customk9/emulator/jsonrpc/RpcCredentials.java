package com.customk9.emulator.jsonrpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.OdooException;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.session.Secrets;

/**
 * Odoo's credential checks for RPC: {@code common.login}/{@code authenticate} and the
 * {@code (uid, password)} pair every {@code execute_kw} carries. As in Odoo 17 outside an
 * interactive login, the password may be the user's password or one of the user's API keys.
 * Successful checks are remembered briefly, as Odoo's own credential cache does, and forgotten as
 * soon as a user or an API key changes.
 */
@ApplicationScoped
public class RpcCredentials {

    private static final Duration REMEMBER = Duration.ofSeconds(60);
    private static final Set<String> CREDENTIAL_MODELS = Set.of("res.users", "res.users.apikeys");

    private final Orm orm;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, KnownKey> apiKeys = new ConcurrentHashMap<>();

    private record KnownKey(long uid, Instant until) {
    }

    public RpcCredentials(Orm orm) {
        this.orm = orm;
    }

    @PostConstruct
    void forgetOnCredentialChanges() {
        orm.addListener((action, model, id, values) -> {
            if (CREDENTIAL_MODELS.contains(model)) {
                forgetAll();
            }
        });
    }

    /** {@code common.login} / {@code common.authenticate}: the uid, or empty for wrong credentials. */
    public Optional<Long> login(String login, String password) {
        if (login == null || login.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        // non-interactive: the user's password or one of the user's API keys
        Optional<Long> uid = orm.users().authenticate(login, password);
        uid.ifPresent(id -> remember(id, password));
        return uid;
    }

    /** {@code security.check(db, uid, password)}: raises AccessDenied unless the pair is right. */
    public void check(long uid, String password) {
        if (password == null || password.isEmpty() || uid <= 0) {
            throw OdooRpcError.accessDenied();
        }
        String key = cacheKey(uid, password);
        Instant until = verified.get(key);
        if (until != null && until.isAfter(Instant.now())) {
            return;
        }
        Optional<Long> byKey = orm.users().userForApiKey(password);
        if (byKey.isPresent() && byKey.get() == uid) {
            remember(uid, password);
            return;
        }
        Optional<String> login = loginOf(uid);
        if (login.isPresent() && orm.users().authenticate(login.get(), password).filter(id -> id == uid).isPresent()) {
            remember(uid, password);
            return;
        }
        verified.remove(key);
        throw OdooRpcError.accessDenied();
    }

    /** The user an API key belongs to (the /api/v2 {@code api-key} header), remembered briefly. */
    public Optional<Long> userForApiKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(apiKey);
        KnownKey known = apiKeys.get(hash);
        if (known != null && known.until().isAfter(Instant.now())) {
            return Optional.of(known.uid());
        }
        Optional<Long> uid = orm.users().userForApiKey(apiKey);
        if (uid.isPresent()) {
            apiKeys.put(hash, new KnownKey(uid.get(), Instant.now().plus(REMEMBER)));
        } else {
            apiKeys.remove(hash);
        }
        return uid;
    }

    public void forgetAll() {
        verified.clear();
        apiKeys.clear();
    }

    private Optional<String> loginOf(long uid) {
        try {
            List<Map<String, Object>> rows = orm.read(uid, "res.users", List.of(uid), List.of("login"));
            return rows.isEmpty() ? Optional.empty()
                    : Optional.ofNullable(rows.get(0).get("login")).filter(String.class::isInstance).map(String.class::cast);
        } catch (OdooException e) {
            return Optional.empty();
        }
    }

    private void remember(long uid, String password) {
        verified.put(cacheKey(uid, password), Instant.now().plus(REMEMBER));
    }

    private static String cacheKey(long uid, String password) {
        return uid + ":" + Secrets.sha256Hex(password);
    }
}
