package com.customk9.training.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.customk9.odoo.client.domain.Domain;

/**
 * Where a project stands, from what Odoo's project.project holds: {@code active} and its dates
 * ({@code date_start}, {@code date}: the expiration date). As a filter, {@code active} (the default) is
 * every project not archived and {@code all} includes the archived ones.
 */
enum ProjectStatus {
    UPCOMING, ONGOING, ENDED, ARCHIVED, ACTIVE, ALL;

    /** The filter values, for the 400 and the OpenAPI description. */
    static final String PATTERN = "upcoming|ongoing|ended|archived|active|all";

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ProjectStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status of one project: archived, upcoming, ended or ongoing. */
    static ProjectStatus of(boolean active, LocalDate start, LocalDate end, LocalDate today) {
        if (!active) {
            return ARCHIVED;
        }
        if (start != null && start.isAfter(today)) {
            return UPCOMING;
        }
        if (end != null && end.isBefore(today)) {
            return ENDED;
        }
        return ONGOING;
    }

    /** The projects with this status on {@code today}, as an Odoo domain (the inverse of {@link #of}). */
    Domain domain(LocalDate today) {
        String day = today.toString();
        Domain active = Domain.where("active", "=", true);
        switch (this) {
            case UPCOMING:
                return active.and("date_start", ">", day);
            case ONGOING:
                return active.and(Domain.anyOf(Domain.where("date_start", "=", false), Domain.where("date_start", "<=", day)))
                        .and(Domain.anyOf(Domain.where("date", "=", false), Domain.where("date", ">=", day)));
            case ENDED:
                return active.and(Domain.anyOf(Domain.where("date_start", "=", false), Domain.where("date_start", "<=", day)))
                        .and("date", "<", day);
            case ARCHIVED:
                return Domain.where("active", "=", false);
            case ALL:
                return Domain.where("active", "in", List.of(true, false));
            default:
                return active;
        }
    }
}
