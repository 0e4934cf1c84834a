package com.customk9.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class RoleMappingTest {

    @Inject
    RoleMapping mapping;

    @Test
    void mapsOdooGroupsByFullNameToRoles() {
        assertThat(mapping.rolesOf(List.of("User types / Portal"))).containsExactly(Role.CLIENT);
        assertThat(mapping.rolesOf(List.of("User types / Internal User", "CustomK9 / Trainer")))
                .containsExactlyInAnyOrder(Role.STAFF, Role.TRAINER);
        assertThat(mapping.rolesOf(List.of("User types / Internal User", "Administration / Settings")))
                .containsExactlyInAnyOrder(Role.STAFF, Role.ADMIN);
    }

    @Test
    void ignoresGroupsThatOnlyShareAShortName() {
        assertThat(mapping.rolesOf(List.of("Sales / Administrator", "Events / Administrator"))).isEmpty();
        assertThat(mapping.rolesOf(List.of("Settings", "Portal", "Trainer"))).isEmpty();
    }
}
