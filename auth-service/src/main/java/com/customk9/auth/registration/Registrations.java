package com.customk9.auth.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;
import com.customk9.auth.account.Accounts;
import com.customk9.auth.event.AuthEvents;
import com.customk9.auth.password.PasswordPolicy;
import com.customk9.auth.session.Sessions;
import com.customk9.auth.session.TokenResponse;
import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Creates a client's account in Odoo in two steps, as Odoo wants it: the res.partner, then the
 * res.users on that partner (in the portal group). If the second step fails, the partner is deleted
 * again: no half-created account stays behind. A login that already exists is a 409, also when two
 * sign-ups race (Odoo's unique login decides, and we look again to tell a duplicate from other failures).
 */
@ApplicationScoped
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class);
    private static final String DUPLICATE = "An account with this e-mail address already exists";

    private final OdooClient odoo;
    private final Accounts accounts;
    private final Sessions sessions;
    private final AuthEvents events;
    private final AuthConfig.Registration config;

    public Registrations(OdooClient odoo, Accounts accounts, Sessions sessions, AuthEvents events, AuthConfig config) {
        this.odoo = odoo;
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.config = config.registration();
    }

    /** Registers and signs the new user in. */
    public Uni<TokenResponse> register(RegistrationRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String name = request.name().trim();
        PasswordPolicy.require("password", request.password(), email);
        return accounts.userIdByLogin(email)
                .chain(existing -> {
                    if (existing.isPresent()) {
                        throw ApiException.conflict(DUPLICATE);
                    }
                    return clientGroup();
                })
                .chain(group -> createPartner(name, email, request.phone())
                        .chain(partnerId -> createUser(name, email, request.password(), partnerId, group)
                                .map(userId -> Map.entry(userId, partnerId))))
                .chain(created -> odoo.login(email, request.password())
                        .chain(session -> accounts.byUserId(created.getKey())
                                .map(account -> account.orElseThrow(() -> new IllegalStateException(
                                        "user " + created.getKey() + " unreadable right after its creation")))
                                .call(account -> Panache.withTransaction(() -> events.userRegistered(account.userId(),
                                        account.partnerId(), email, name)))
                                .chain(account -> sessions.start(account, session))));
    }

    private Uni<Optional<Long>> clientGroup() {
        if (config.group().isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String fullName = config.group().get();
        return odoo.searchRead("res.groups", SearchQuery.where(Domain.where("full_name", "=", fullName)).fields("id").limit(1))
                .map(groups -> {
                    if (groups.isEmpty()) {
                        throw new IllegalStateException("Odoo has no group \"" + fullName
                                + "\" (customk9.auth.registration.group)");
                    }
                    return Optional.of(groups.get(0).id());
                });
    }

    private Uni<Long> createPartner(String name, String email, String phone) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("email", email);
        if (phone != null && !phone.isBlank()) {
            values.put("phone", phone.trim());
        }
        values.put("customer_rank", 1);
        return odoo.create("res.partner", values);
    }

    private Uni<Long> createUser(String name, String email, String password, long partnerId, Optional<Long> group) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("login", email);
        values.put("email", email);
        values.put("password", password);
        values.put("partner_id", partnerId);
        group.ifPresent(id -> values.put("groups_id", List.of(List.of(6, 0, List.of(id)))));
        return odoo.create("res.users", values)
                .onFailure().recoverWithUni(failure -> removePartner(partnerId)
                        .chain(() -> accounts.userIdByLogin(email).onFailure().recoverWithItem(Optional.empty()))
                        .map(existing -> {
                            if (existing.isPresent()) {
                                throw ApiException.conflict(DUPLICATE);
                            }
                            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                        }));
    }

    /** Undoes the first step; if even that fails, the orphan partner is logged for a person to remove. */
    private Uni<Void> removePartner(long partnerId) {
        return odoo.unlink("res.partner", List.of(partnerId)).onFailure().recoverWithItem(error -> {
            LOG.errorf("Registration failed after res.partner %d was created, and deleting it failed too (%s): "
                    + "remove it in Odoo", partnerId, error.toString());
            return null;
        });
    }
}
