package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The shipped route table: every path of the public API goes where the brief says. */
@QuarkusTest
class RouteTableTest {

    @Inject
    RouteTable routes;

    private String route(String method, String path) {
        Route route = routes.match(method, path);
        return route == null ? null : route.name();
    }

    @Test
    void sendsEachPublicPathToItsService() {
        assertThat(route("POST", "/api/auth/login")).isEqualTo("auth-public");
        assertThat(route("POST", "/api/auth/refresh")).isEqualTo("auth-public");
        assertThat(route("POST", "/api/auth/register")).isEqualTo("auth-public");
        assertThat(route("POST", "/api/auth/password/reset/confirm")).isEqualTo("auth-public");
        assertThat(route("GET", "/.well-known/jwks.json")).isEqualTo("auth-public");
        assertThat(route("POST", "/api/auth/logout")).isEqualTo("auth");
        assertThat(route("GET", "/api/settings")).isEqualTo("auth");
        for (String path : new String[] { "/api/dogs", "/api/training-plans/1", "/api/appointments", "/api/bookings",
                "/api/invoices/3/pdf", "/api/projects" }) {
            assertThat(route("GET", path)).as(path).isEqualTo("training");
        }
        assertThat(route("POST", "/api/files/upload")).isEqualTo("files");
        assertThat(route("GET", "/api/rentals/7")).isEqualTo("rental");
        assertThat(route("GET", "/api/events")).isEqualTo("events");
        assertThat(route("PUT", "/api/notifications/4/read")).isEqualTo("events");
        assertThat(route("POST", "/api/v1/attendance/mark")).isEqualTo("attendance");
        assertThat(route("GET", "/api/blog/posts")).isEqualTo("blog-read");
        assertThat(route("POST", "/api/blog/posts")).isEqualTo("marketing");
        assertThat(route("GET", "/api/analytics/seo")).isEqualTo("marketing");
        assertThat(route("GET", "/api/portal/dashboard")).isEqualTo("portal");
        assertThat(route("POST", "/api/odoo/webhook")).isEqualTo("odoo-webhook");
    }

    @Test
    void matchesOnSegmentBoundariesOnly() {
        assertThat(route("GET", "/api/dogsled")).isNull();
        assertThat(route("GET", "/api/v10")).isNull();
        assertThat(route("GET", "/api")).isNull();
        assertThat(route("GET", "/api/odoo/webhook")).as("the webhook takes POST only").isNull();
    }
}
