package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.ModelDef;

/**
 * The domain Odoo 17's {@code _name_search} / {@code _search_display_name} builds for a name: the model's
 * {@code _rec_names_search} fields (partners: complete name, email, reference; products: reference, name) or its
 * {@code _rec_name}, OR-ed for positive operators and AND-ed for negative ones.
 */
final class NameSearch {

    private static final Map<String, List<String>> SEARCH_FIELDS = Map.of(
            "res.partner", List.of("complete_name", "email", "ref", "vat"),
            "product.product", List.of("default_code", "name"),
            "product.template", List.of("default_code", "name"),
            "res.users", List.of("name", "login"),
            "account.move", List.of("name", "ref", "partner_id"),
            "helpdesk.ticket", List.of("name", "ticket_ref", "partner_email"));

    private NameSearch() {
    }

    /** The domain matching {@code name} with {@code operator} (default {@code ilike}). */
    static List<Object> domain(ModelDef model, String operator, Object name) {
        String op = operator == null ? "ilike" : operator;
        List<String> fields = SEARCH_FIELDS.getOrDefault(model.name(),
                List.of(model.recName() != null ? model.recName() : "display_name"));
        List<Object> domain = new ArrayList<>();
        String connector = Domain.NEGATIVE_OPERATORS.contains(op) ? "&" : "|";
        for (int i = 0; i < fields.size() - 1; i++) {
            domain.add(connector);
        }
        for (String field : fields) {
            domain.add(List.of(field, op, name));
        }
        return domain;
    }
}
