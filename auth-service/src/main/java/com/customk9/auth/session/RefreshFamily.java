package com.customk9.auth.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One login and every refresh token rotated from it. */
@Entity
@Table(name = "refresh_family")
public class RefreshFamily extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason", length = 32)
    public String revokedReason;

    @Column(name = "odoo_session_token", length = 256)
    public String odooSessionToken;

    @Column(name = "account_snapshot", nullable = false)
    public String accountSnapshot;

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now, RevocationReason reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.code();
        }
    }
}
