package com.customk9.auth.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.error.OdooNotFoundException;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.smallrye.mutiny.Uni;

/**
 * Reads accounts from Odoo as the integration user (through the client's cache): the user, their
 * partner and their groups' full names, turned into roles. An archived user has no account.
 */
@ApplicationScoped
public class Accounts {

    static final List<String> USER_FIELDS = List.of("name", "login", "email", "partner_id", "groups_id", "active", "lang",
            "tz");

    private final OdooClient odoo;
    private final RoleMapping roleMapping;

    public Accounts(OdooClient odoo, RoleMapping roleMapping) {
        this.odoo = odoo;
        this.roleMapping = roleMapping;
    }

    /** The active account of Odoo user {@code userId}, if there is one. */
    public Uni<Optional<Account>> byUserId(long userId) {
        return odoo.read("res.users", List.of(userId), USER_FIELDS)
                .onFailure(OdooNotFoundException.class).recoverWithItem(List.of())
                .chain(users -> users.isEmpty() || !users.get(0).bool("active")
                        ? Uni.createFrom().item(Optional.<Account>empty())
                        : withRoles(users.get(0)).map(Optional::of));
    }

    /** The Odoo user whose login is {@code login} (case-insensitive, archived ones included), if any. */
    public Uni<Optional<Long>> userIdByLogin(String login) {
        return odoo.searchRead("res.users", SearchQuery.where(Domain.where("login", "=ilike", escapeLike(login))
                .and("active", "in", List.of(true, false))).fields("id").limit(1))
                .map(users -> users.isEmpty() ? Optional.<Long>empty() : Optional.of(users.get(0).id()));
    }

    private Uni<Account> withRoles(OdooRecord user) {
        List<Long> groupIds = user.ids("groups_id");
        Uni<List<OdooRecord>> groups = groupIds.isEmpty() ? Uni.createFrom().item(List.of())
                : odoo.read("res.groups", groupIds, List.of("full_name"));
        return groups.map(rows -> {
            List<String> fullNames = rows.stream().map(group -> group.text("full_name")).toList();
            return new Account(user.id(), user.many2oneId("partner_id").orElse(0L), user.text("name"),
                    user.text("email"), user.text("login"), Account.claimsOf(roleMapping.rolesOf(fullNames)),
                    user.string("lang").orElse(null), user.string("tz").orElse(null));
        });
    }

    /** {@code =ilike} treats {@code %} and {@code _} as wildcards: a login is matched literally. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
