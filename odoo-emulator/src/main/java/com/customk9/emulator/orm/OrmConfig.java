package com.customk9.emulator.orm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ORM's settings, under {@code customk9.emulator} (beside the HTTP surfaces' own settings there). */
@ConfigMapping(prefix = "customk9.emulator")
public interface OrmConfig {

    /** Load the demo business when the store is empty at start-up. */
    @WithDefault("true")
    boolean seedOnStart();

    /**
     * The API key of the integration user ({@code integration@customk9.example}), stored hashed when the demo
     * data is loaded. The default is a documented, local-only value; deployments set their own.
     */
    @WithDefault("ck9-local-integration-key")
    String integrationApiKey();

    /**
     * The PostgreSQL schema the records live in (created when missing). One emulator process per schema: each
     * keeps the records in memory and would not see another's writes.
     */
    @WithDefault("odoo_emulator")
    String schema();

    /** PBKDF2-SHA512 rounds for new password hashes (Odoo uses 600000; local runs favour speed). */
    @WithDefault("25000")
    int passwordHashRounds();
}
