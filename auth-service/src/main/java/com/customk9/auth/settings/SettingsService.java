package com.customk9.auth.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.record.FieldInfo;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.platform.error.ApiException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads and writes a user's settings: the Odoo part in res.users, the rest in our table. */
@ApplicationScoped
public class SettingsService {

    private static final List<String> ODOO_FIELDS = List.of("lang", "tz", "notification_type");

    private final OdooClient odoo;
    private final Clock clock;

    public SettingsService(OdooClient odoo, Clock clock) {
        this.odoo = odoo;
        this.clock = clock;
    }

    @WithSession
    public Uni<UserSettings> get(long userId) {
        return odoo.read("res.users", List.of(userId), ODOO_FIELDS)
                .chain(users -> LocalSettings.<LocalSettings>findById(userId)
                        .map(local -> combine(first(users, userId), local == null ? LocalSettings.defaults(userId) : local)));
    }

    /** Applies the fields present in {@code update}; Odoo's are checked against its selections first. */
    public Uni<UserSettings> update(long userId, UserSettings update) {
        Map<String, Object> odooValues = new LinkedHashMap<>();
        if (update.language() != null) {
            odooValues.put("lang", update.language());
        }
        if (update.timezone() != null) {
            odooValues.put("tz", update.timezone());
        }
        if (update.notifications() != null && update.notifications().email() != null) {
            odooValues.put("notification_type", update.notifications().email() ? "email" : "inbox");
        }
        Uni<Void> odooPart = odooValues.isEmpty() ? Uni.createFrom().voidItem()
                : checkSelections(odooValues).chain(() -> odoo.write("res.users", List.of(userId), odooValues));
        boolean localChange = update.theme() != null
                || (update.notifications() != null && update.notifications().push() != null);
        return odooPart
                .chain(() -> localChange ? saveLocal(userId, update) : Uni.createFrom().voidItem())
                .chain(() -> get(userId));
    }

    private Uni<Void> saveLocal(long userId, UserSettings update) {
        return Panache.withTransaction(() -> LocalSettings.<LocalSettings>findById(userId).chain(found -> {
            LocalSettings local = found == null ? LocalSettings.defaults(userId) : found;
            if (update.theme() != null) {
                local.theme = update.theme();
            }
            if (update.notifications() != null && update.notifications().push() != null) {
                local.pushEnabled = update.notifications().push();
            }
            local.updatedAt = clock.instant();
            return found == null ? local.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        }));
    }

    /** Language and time zone must be values Odoo offers (installed languages, known zones). */
    private Uni<Void> checkSelections(Map<String, Object> values) {
        return odoo.fieldsGet("res.users", List.of("selection")).invoke(fields -> {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            check(values, "lang", "language", fields, problems);
            check(values, "tz", "timezone", fields, problems);
            if (!problems.isEmpty()) {
                throw new ApiException(com.customk9.platform.error.ErrorCode.VALIDATION_ERROR,
                        com.customk9.platform.error.ErrorCode.VALIDATION_ERROR.defaultMessage(), problems);
            }
        }).replaceWithVoid();
    }

    private static void check(Map<String, Object> values, String odooField, String ourField, Map<String, FieldInfo> fields,
            Map<String, List<String>> problems) {
        Object value = values.get(odooField);
        FieldInfo field = fields.get(odooField);
        if (value == null || field == null || field.selection().isEmpty()) {
            return;
        }
        if (field.selection().stream().noneMatch(option -> !option.isEmpty() && value.equals(option.get(0)))) {
            problems.put(ourField, List.of("is not one of the values Odoo offers"));
        }
    }

    private static OdooRecord first(List<OdooRecord> users, long userId) {
        if (users.isEmpty()) {
            throw ApiException.unauthorized("This account no longer exists");
        }
        return users.get(0);
    }

    private static UserSettings combine(OdooRecord user, LocalSettings local) {
        return new UserSettings(user.string("lang").orElse(null), user.string("tz").orElse(null), local.theme,
                new UserSettings.Notifications(!"inbox".equals(user.string("notification_type").orElse("email")),
                        local.pushEnabled));
    }
}
