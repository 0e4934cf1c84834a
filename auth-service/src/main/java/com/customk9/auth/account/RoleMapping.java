package com.customk9.auth.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.auth.AuthConfig;

/**
 * Odoo groups to roles, by the groups' full names ({@code res.groups.full_name}, e.g.
 * "User types / Portal"), which unlike the short names are unambiguous. Configurable per Odoo
 * installation: {@code customk9.auth.roles.<role>}.
 */
@ApplicationScoped
public class RoleMapping {

    private final AuthConfig.Roles roles;

    public RoleMapping(AuthConfig config) {
        this.roles = config.roles();
    }

    public Set<Role> rolesOf(Collection<String> groupFullNames) {
        EnumSet<Role> result = EnumSet.noneOf(Role.class);
        add(result, Role.ADMIN, roles.admin(), groupFullNames);
        add(result, Role.STAFF, roles.staff(), groupFullNames);
        add(result, Role.TRAINER, roles.trainer(), groupFullNames);
        add(result, Role.CLIENT, roles.client(), groupFullNames);
        return result;
    }

    private static void add(Set<Role> result, Role role, List<String> groups, Collection<String> userGroups) {
        if (groups.stream().anyMatch(userGroups::contains)) {
            result.add(role);
        }
    }
}
