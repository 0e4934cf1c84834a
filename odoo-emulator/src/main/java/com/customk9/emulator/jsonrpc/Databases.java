package com.customk9.emulator.jsonrpc;

import com.customk9.emulator.fault.EmulatorConfig;

/** The emulator serves one database; naming another fails as connecting to a missing one fails in Odoo. */
final class Databases {

    private Databases() {
    }

    static String require(EmulatorConfig config, Object db) {
        if (db instanceof String name && name.equals(config.dbName())) {
            return name;
        }
        String shown = db instanceof String name ? name : String.valueOf(db);
        throw new OdooRpcError("psycopg2.OperationalError",
                "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"" + shown + "\" does not exist\n");
    }
}
