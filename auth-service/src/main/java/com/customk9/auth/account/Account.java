package com.customk9.auth.account;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user as the suite sees them: the Odoo user, their partner (what data is scoped by) and roles.
 *
 * @param userId Odoo res.users id: the tokens' {@code sub}
 * @param partnerId Odoo res.partner id of the user
 * @param roles as in the tokens' {@code groups} claim: client, trainer, staff, admin
 * @param language Odoo's {@code lang}, e.g. en_US
 * @param timezone Odoo's {@code tz}, e.g. Europe/Brussels; null when unset
 */
public record Account(
        @JsonProperty("id") long userId,
        @JsonProperty("partner_id") long partnerId,
        String name,
        String email,
        String login,
        List<String> roles,
        String language,
        String timezone) {

    public Account {
        roles = List.copyOf(roles);
    }

    public static List<String> claimsOf(java.util.Collection<Role> roles) {
        return roles.stream().sorted().map(Role::claim).toList();
    }
}
