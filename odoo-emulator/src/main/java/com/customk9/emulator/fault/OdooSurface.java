package com.customk9.emulator.fault;

/** The Odoo-facing paths the emulator serves; faults and request counts apply to these only. */
public enum OdooSurface {
    API_V2("api_v2"),
    JSONRPC("jsonrpc"),
    WEB("web");

    private final String key;

    OdooSurface(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The surface a request path belongs to, or null for any other path (the host's own, /emulator, /q). */
    public static OdooSurface of(String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("/api/v2") || path.startsWith("/api/v2/")) {
            return API_V2;
        }
        if (path.equals("/jsonrpc") || path.startsWith("/jsonrpc/")) {
            return JSONRPC;
        }
        if (path.startsWith("/web/")) {
            return WEB;
        }
        return null;
    }
}
