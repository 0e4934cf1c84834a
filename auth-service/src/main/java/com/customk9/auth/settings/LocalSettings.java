package com.customk9.auth.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The settings Odoo has no field for: the client area's theme and whether to send push notifications. */
@Entity
@Table(name = "user_settings")
public class LocalSettings extends PanacheEntityBase {

    public static final String DEFAULT_THEME = "system";

    @Id
    @Column(name = "user_id")
    public long userId;

    @Column(nullable = false, length = 16)
    public String theme;

    @Column(name = "push_enabled", nullable = false)
    public boolean pushEnabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static LocalSettings defaults(long userId) {
        LocalSettings settings = new LocalSettings();
        settings.userId = userId;
        settings.theme = DEFAULT_THEME;
        settings.pushEnabled = false;
        return settings;
    }
}
