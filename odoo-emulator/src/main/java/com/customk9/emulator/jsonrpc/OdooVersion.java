package com.customk9.emulator.jsonrpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Odoo release the emulator reports: 17.0, as {@code common.version} gives it. */
public final class OdooVersion {

    public static final String SERVER_VERSION = "17.0";
    public static final List<Object> SERVER_VERSION_INFO = List.of(17, 0, 0, "final", 0, "");
    public static final String SERVER_SERIE = "17.0";
    public static final int PROTOCOL_VERSION = 1;

    private OdooVersion() {
    }

    public static Map<String, Object> rpcVersion() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("server_version", SERVER_VERSION);
        version.put("server_version_info", SERVER_VERSION_INFO);
        version.put("server_serie", SERVER_SERIE);
        version.put("protocol_version", PROTOCOL_VERSION);
        return version;
    }
}
