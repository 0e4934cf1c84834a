package com.customk9.emulator.apiv2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import com.customk9.emulator.jsonrpc.OdooJson;

/**
 * The domain a /api/v2/search query asks for: {@code field=value} parameters (typed by the field's
 * Odoo type) and a JSON {@code domain} parameter in Odoo's prefix notation, all and-ed.
 */
final class QueryFilters {

    static final Set<String> RESERVED = Set.of("limit", "offset", "fields", "domain", "order");

    private QueryFilters() {
    }

    static List<Object> domain(MultivaluedMap<String, String> query, Map<String, Map<String, Object>> fields, String model) {
        List<Object> domain = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (RESERVED.contains(name)) {
                continue;
            }
            Map<String, Object> field = fields.get(name);
            if (field == null) {
                throw ApiV2Error.validation("Invalid field '" + name + "' on model '" + model + "'");
            }
            for (String value : parameter.getValue()) {
                domain.add(List.of(name, "=", typed(name, value, String.valueOf(field.get("type")))));
            }
        }
        String json = query.getFirst("domain");
        if (json != null && !json.isBlank()) {
            Optional<Object> parsed = OdooJson.parse(json);
            if (parsed.isEmpty() || !(parsed.get() instanceof List<?> leaves)) {
                throw ApiV2Error.validation("Invalid domain: expected a JSON list in Odoo's prefix notation, e.g. "
                        + "[[\"name\",\"ilike\",\"rex\"]]");
            }
            domain.addAll(leaves);
        }
        return domain;
    }

    private static Object typed(String name, String value, String type) {
        if ("false".equalsIgnoreCase(value) && !"char".equals(type) && !"text".equals(type) && !"html".equals(type)
                && !"selection".equals(type)) {
            return false;
        }
        try {
            return switch (type) {
                case "boolean" -> parseBoolean(name, value);
                case "integer", "many2one", "one2many", "many2many" -> Long.parseLong(value.trim());
                case "float", "monetary" -> Double.parseDouble(value.trim());
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw ApiV2Error.validation("Invalid value '" + value + "' for field '" + name + "' (" + type + ")");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiV2Error.validation("Invalid value '" + value + "' for field '" + name + "' (boolean)");
        };
    }
}
