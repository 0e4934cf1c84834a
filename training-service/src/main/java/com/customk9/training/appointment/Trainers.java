package com.customk9.training.appointment;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;

import io.smallrye.mutiny.Uni;

/**
 * Who can be booked: active Odoo users in the group named {@link AppointmentsConfig#trainerGroup()}. The
 * group's id is looked up by its full name once and kept (group ids never change in a running Odoo).
 */
@ApplicationScoped
public class Trainers {

    /** A trainer: their user, the partner that stands for them on calendars, their Odoo timezone if set. */
    public record Trainer(long userId, long partnerId, String name, Optional<ZoneId> zone) {
    }

    private final OdooClient odoo;
    private final AppointmentsConfig config;
    private volatile Long trainerGroupId;

    public Trainers(OdooClient odoo, AppointmentsConfig config) {
        this.odoo = odoo;
        this.config = config;
    }

    /** The trainer with this user id, or empty when there is no such active user in the trainer group. */
    public Uni<Optional<Trainer>> find(long userId) {
        return trainerGroup().chain(group -> odoo.searchRead("res.users", SearchQuery.where(
                Domain.where("id", "=", userId).and("groups_id", "in", List.of(group)))
                .fields("name", "partner_id", "tz").limit(1)))
                .map(users -> users.stream().findFirst().map(Trainers::trainer));
    }

    private Uni<Long> trainerGroup() {
        Long known = trainerGroupId;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return odoo.searchRead("res.groups", SearchQuery.where(Domain.where("full_name", "=", config.trainerGroup()))
                .fields("full_name").limit(1))
                .map(groups -> {
                    if (groups.isEmpty()) {
                        throw new IllegalStateException("Odoo has no group named '" + config.trainerGroup() + "'");
                    }
                    trainerGroupId = groups.get(0).id();
                    return trainerGroupId;
                });
    }

    private static Trainer trainer(OdooRecord user) {
        return new Trainer(user.id(), user.many2oneId("partner_id").orElseThrow(), user.text("name"),
                user.string("tz").flatMap(Trainers::zone));
    }

    private static Optional<ZoneId> zone(String tz) {
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException unknownToJava) {
            return Optional.empty();
        }
    }
}
