package com.customk9.emulator.jsonrpc;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.fault.EmulatorConfig;

/**
 * Odoo's {@code db} RPC service, read-only: the database list and server version; the management
 * methods need the master password, which the emulator never accepts.
 */
@ApplicationScoped
public class DbService {

    private static final Set<String> MANAGEMENT = Set.of("create_database", "duplicate_database", "drop", "dump", "restore",
            "rename", "change_admin_password", "migrate_databases");

    private final EmulatorConfig config;

    public DbService(EmulatorConfig config) {
        this.config = config;
    }

    public Object dispatch(String method, List<Object> params) {
        if (MANAGEMENT.contains(method)) {
            throw OdooRpcError.accessDenied();
        }
        return switch (method) {
            case "list" -> List.of(config.dbName());
            case "server_version" -> OdooVersion.SERVER_VERSION;
            case "db_exist" -> {
                CommonService.arity("exp_db_exist", params, 1, 1);
                yield config.dbName().equals(params.get(0));
            }
            case "list_lang" -> List.of(List.of("en_US", "English (US)"));
            default -> throw OdooRpcError.exception("Method not found: " + method);
        };
    }
}
