package com.customk9.emulator.orm;

import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.DateFormats;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.model.Related;

/**
 * The few model methods of Odoo 17 the emulator reproduces because clients see their effect: sequence numbers
 * for sales orders and posted invoices, one variant per product template, attendee and line details filled
 * from the partner or product, rental status following the order and its lines, and the deletions Odoo refuses.
 */
final class BusinessRules {

    private final Environment env;
    private boolean creatingInheritsParent;

    BusinessRules(Environment env) {
        this.env = env;
    }

    void creatingInheritsParent(boolean value) {
        this.creatingInheritsParent = value;
    }

    void beforeCreate(ModelDef model, Map<String, Object> vals) {
        switch (model.name()) {
            case "sale.order" -> {
                Object name = vals.get("name");
                if (name == null || Boolean.FALSE.equals(name) || "New".equals(name)) {
                    vals.put("name", String.format("S%05d", env.tx().nextSequence("sale.order")));
                }
            }
            case "event.registration" -> fillFromPartner(vals, "partner_id", "name", "email", "phone");
            case "helpdesk.ticket" -> {
                if (vals.get("partner_id") instanceof Number partner) {
                    Map<String, Object> record = env.tx().get("res.partner", partner.longValue());
                    if (record != null) {
                        vals.putIfAbsent("partner_name", record.get("name"));
                        vals.putIfAbsent("partner_email", record.get("email"));
                        vals.putIfAbsent("partner_phone", record.get("phone"));
                    }
                }
            }
            case "sale.order.line", "account.move.line" -> fillFromProduct(vals);
            default -> {
            }
        }
    }

    void afterCreate(ModelDef model, long id) {
        if (model.name().equals("product.template") && !creatingInheritsParent) {
            env.createInternal("product.product", new java.util.LinkedHashMap<>(Map.of("product_tmpl_id", id)));
        }
        if (model.name().equals("account.move") && "posted".equals(env.tx().get("account.move", id).get("state"))) {
            post(id);
        }
        if (model.name().equals("sale.order.line")) {
            Object order = env.tx().get("sale.order.line", id).get("order_id");
            if (order instanceof Long orderId) {
                followRentalLines(orderId);
            }
        }
    }

    void beforeWrite(ModelDef model, List<Long> ids, Map<String, Object> vals) {
        if (model.name().equals("res.users") && vals.containsKey("active") && ValueConverter.isFalsy(vals.get("active"))
                && ids.contains(env.uid())) {
            throw new OdooException.UserError("You cannot deactivate the user you're currently logged in as.");
        }
    }

    void afterWrite(ModelDef model, List<Long> ids, Map<String, Object> vals) {
        switch (model.name()) {
            case "account.move" -> {
                if ("posted".equals(vals.get("state"))) {
                    ids.forEach(this::post);
                }
            }
            case "sale.order" -> {
                if (vals.containsKey("state")) {
                    ids.forEach(this::followOrderState);
                }
            }
            case "sale.order.line" -> {
                if (vals.containsKey("qty_delivered") || vals.containsKey("qty_returned")) {
                    for (Long id : ids) {
                        if (env.tx().get("sale.order.line", id).get("order_id") instanceof Long order) {
                            followRentalLines(order);
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    void beforeUnlink(ModelDef model, List<Long> ids) {
        switch (model.name()) {
            case "account.move" -> {
                for (Long id : ids) {
                    if ("posted".equals(env.tx().get("account.move", id).get("state"))) {
                        throw new OdooException.UserError("You cannot delete an entry which has been posted once.");
                    }
                }
            }
            case "sale.order" -> {
                for (Long id : ids) {
                    Object state = env.tx().get("sale.order", id).get("state");
                    if (!"draft".equals(state) && !"cancel".equals(state)) {
                        throw new OdooException.UserError("You can not delete a sent quotation or a confirmed sales "
                                + "order. You must first cancel it.");
                    }
                }
            }
            case "res.users" -> {
                if (ids.contains(Environment.SUPERUSER_ID) || ids.contains(2L)) {
                    throw new OdooException.UserError("You can not remove the admin user as it is used internally "
                            + "for resources created by Odoo (updates, module installation, ...)");
                }
            }
            default -> {
            }
        }
    }

    /** {@code account.move._post}: a number from the journal's sequence, invoice and due dates. */
    private void post(long id) {
        ModelDef moves = env.model("account.move");
        Map<String, Object> move = env.tx().get("account.move", id);
        String type = String.valueOf(move.get("move_type"));
        boolean invoice = !type.equals("entry");
        if (invoice && env.values().referencing("account.move.line", "move_id", id).isEmpty()) {
            throw new OdooException.UserError("You need to add a line before posting.");
        }
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        String invoiceDate = (String) move.get("invoice_date");
        if (invoice && invoiceDate == null) {
            invoiceDate = DateFormats.date(env.today());
            changes.put("invoice_date", invoiceDate);
        }
        if (invoice && move.get("invoice_date_due") == null) {
            changes.put("invoice_date_due", invoiceDate);
        }
        Object name = move.get("name");
        if (name == null || "/".equals(name)) {
            String prefix = switch (type) {
                case "out_invoice" -> "INV";
                case "out_refund" -> "RINV";
                case "in_invoice" -> "BILL";
                case "in_refund" -> "RBILL";
                case "out_receipt", "in_receipt" -> "RCPT";
                default -> "MISC";
            };
            String day = invoiceDate != null ? invoiceDate : String.valueOf(move.get("date"));
            String year = day.substring(0, 4);
            long number = env.tx().nextSequence("account.move:" + prefix + "/" + year);
            changes.put("name", String.format("%s/%s/%05d", prefix, year, number));
        }
        if (!changes.isEmpty()) {
            env.store(moves, id, changes);
        }
    }

    /** sale_renting: confirming a rental reserves it, cancelling cancels it. */
    private void followOrderState(long id) {
        Map<String, Object> order = env.tx().get("sale.order", id);
        if (!Related.truthy(order.get("is_rental_order"))) {
            return;
        }
        String status = switch (String.valueOf(order.get("state"))) {
            case "draft" -> "draft";
            case "sent" -> "sent";
            case "cancel" -> "cancel";
            default -> {
                Object current = order.get("rental_status");
                yield current == null || "draft".equals(current) || "sent".equals(current) || "cancel".equals(current)
                        ? "pickup" : current.toString();
            }
        };
        env.store(env.model("sale.order"), id, Map.of("rental_status", status));
    }

    /** sale_renting: picked-up lines make the order "return", returned lines make it "returned". */
    private void followRentalLines(long orderId) {
        Map<String, Object> order = env.tx().get("sale.order", orderId);
        if (order == null || !Related.truthy(order.get("is_rental_order")) || !"sale".equals(order.get("state"))) {
            return;
        }
        List<Long> lines = env.values().referencing("sale.order.line", "order_id", orderId);
        boolean allPicked = true;
        boolean allReturned = true;
        boolean anyRental = false;
        for (Long line : lines) {
            Map<String, Object> record = env.tx().get("sale.order.line", line);
            if (!Related.truthy(record.get("is_rental"))) {
                continue;
            }
            anyRental = true;
            double quantity = Related.number(record.get("product_uom_qty"));
            allPicked &= Related.number(record.get("qty_delivered")) >= quantity;
            allReturned &= Related.number(record.get("qty_returned")) >= quantity;
        }
        if (!anyRental) {
            return;
        }
        String status = allReturned ? "returned" : allPicked ? "return" : "pickup";
        env.store(env.model("sale.order"), orderId, Map.of("rental_status", status));
    }

    private void fillFromPartner(Map<String, Object> vals, String partnerField, String... fields) {
        if (vals.get(partnerField) instanceof Number partner) {
            Map<String, Object> record = env.tx().get("res.partner", partner.longValue());
            if (record != null) {
                for (String field : fields) {
                    if (!vals.containsKey(field) && record.get(field) != null) {
                        vals.put(field, record.get(field));
                    }
                }
            }
        }
    }

    private void fillFromProduct(Map<String, Object> vals) {
        if (vals.get("product_id") instanceof Number product) {
            Map<String, Object> record = env.tx().get("product.product", product.longValue());
            if (record != null) {
                if (!vals.containsKey("name")) {
                    vals.put("name", env.values().displayName("product.product", product.longValue()));
                }
                if (!vals.containsKey("price_unit")) {
                    vals.put("price_unit", env.values().value("product.product", record, "list_price"));
                }
            }
        }
    }
}
