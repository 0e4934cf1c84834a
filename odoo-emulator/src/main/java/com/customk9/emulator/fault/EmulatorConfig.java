package com.customk9.emulator.fault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the emulator's HTTP surfaces need to know about the Odoo they pretend to be. */
@ConfigMapping(prefix = "customk9.emulator")
public interface EmulatorConfig {

    /**
     * Secret for the {@code /emulator/*} admin endpoints, sent as {@code X-Emulator-Admin-Token}.
     * The default is a documented local-only value.
     */
    @WithDefault("customk9-emulator-local-admin")
    String adminToken();

    /** The database name JSON-RPC clients pass ({@code db} in common.login, execute_kw, /web/session/authenticate). */
    @WithDefault("customk9")
    String dbName();

    /**
     * The PostgreSQL schema of the emulator's tables, shared with the ORM's records (same key as the
     * ORM's setting): session tables live beside the records they belong to.
     */
    @WithDefault("odoo_emulator")
    String schema();
}
