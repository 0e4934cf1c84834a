package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.date;
import static com.customk9.emulator.model.FieldDef.datetime;
import static com.customk9.emulator.model.FieldDef.floating;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.monetary;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;
import static com.customk9.emulator.model.FieldDef.text;

import java.util.List;
import java.util.Map;

/**
 * product, stock, sale and sale_renting: rentable crates and equipment ({@code rent_ok}), quantities on hand
 * ({@code stock.quant}), sale and rental orders. Rental fields as sale_renting 17 names them:
 * {@code is_rental_order}, {@code rental_start_date}, {@code rental_return_date}, {@code rental_status} on the
 * order; {@code is_rental}, {@code start_date}, {@code return_date}, {@code qty_delivered}, {@code qty_returned} on
 * lines.
 */
final class SalesModels {

    private SalesModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("product.category", "Product Category").order("complete_name, id")
                .displayName((records, category) -> categoryName(records, category))
                .fields(
                        chars("name", "Name").required(),
                        chars("complete_name", "Complete Name").computedStored(SalesModels::categoryName),
                        many2one("parent_id", "product.category", "Parent Category").cascade(),
                        one2many("child_id", "product.category", "parent_id", "Child Categories")));

        registry.add(new ModelDef("product.template", "Product").order("priority desc, name, id").fields(
                chars("name", "Name").required(),
                integer("sequence", "Sequence").defaultValue(1L),
                selection("priority", "Favorite", "0", "Normal", "1", "Favorite").defaultValue("0"),
                text("description", "Description"),
                text("description_sale", "Sales Description"),
                selection("type", "Product Type", "consu", "Consumable", "service", "Service", "product",
                        "Storable Product").required().defaultValue("consu"),
                many2one("categ_id", "product.category", "Product Category").required().defaultValue(1L),
                floating("list_price", "Sales Price").defaultValue(1.0),
                floating("standard_price", "Cost"),
                bool("sale_ok", "Can be Sold").defaultValue(true),
                bool("purchase_ok", "Can be Purchased").defaultValue(true),
                bool("rent_ok", "Can be Rented").defaultValue(false),
                chars("default_code", "Internal Reference"),
                chars("barcode", "Barcode"),
                bool("active", "Active").defaultValue(true),
                many2one("company_id", "res.company", "Company"),
                many2one("currency_id", "res.currency", "Currency").computed((records, template) -> 2L),
                binary(),
                one2many("product_variant_ids", "product.product", "product_tmpl_id", "Products"),
                integer("product_variant_count", "# Product Variants").computed((records, template) ->
                        (long) records.referencing("product.product", "product_tmpl_id", (Long) template.get("id"))
                                .size()),
                floating("qty_available", "Quantity On Hand").computed((records, template) -> {
                    double total = 0;
                    for (Long variant : records.referencing("product.product", "product_tmpl_id",
                            (Long) template.get("id"))) {
                        total += onHand(records, variant);
                    }
                    return total;
                })));

        registry.add(new ModelDef("product.product", "Product Variant")
                .order("priority desc, default_code, name, id")
                .inherits("product.template", "product_tmpl_id")
                .displayName((records, product) -> {
                    Object name = records.value("product.product", product, "name");
                    Object code = records.value("product.product", product, "default_code");
                    String plain = name == null ? "" : name.toString();
                    return code == null ? plain : "[" + code + "] " + plain;
                })
                .fields(
                        many2one("product_tmpl_id", "product.template", "Product Template").required().cascade(),
                        bool("active", "Active").defaultValue(true),
                        floating("lst_price", "Sales Price").computed(Related.through("product.product",
                                "product_tmpl_id", "product.template", "list_price")),
                        floating("qty_available", "Quantity On Hand").computed((records, product) ->
                                onHand(records, (Long) product.get("id"))),
                        floating("free_qty", "Free To Use Quantity").computed((records, product) -> {
                            double free = 0;
                            for (Long quant : internalQuants(records, (Long) product.get("id"))) {
                                Map<String, Object> record = records.record("stock.quant", quant);
                                free += Related.number(record.get("quantity"))
                                        - Related.number(record.get("reserved_quantity"));
                            }
                            return free;
                        })));

        registry.add(new ModelDef("stock.location", "Inventory Locations").order("complete_name, id")
                .displayName((records, location) -> locationName(records, location))
                .fields(
                        chars("name", "Location Name").required(),
                        chars("complete_name", "Full Location Name").computedStored(SalesModels::locationName),
                        many2one("location_id", "stock.location", "Parent Location").cascade(),
                        selection("usage", "Location Type", "supplier", "Vendor Location", "view", "View",
                                "internal", "Internal Location", "customer", "Customer Location", "inventory",
                                "Inventory Loss", "production", "Production", "transit", "Transit Location")
                                .required().defaultValue("internal"),
                        bool("active", "Active").defaultValue(true))
                .parentName("location_id"));

        registry.add(new ModelDef("stock.quant", "Quants").order("id")
                .displayName((records, quant) -> {
                    String location = quant.get("location_id") instanceof Long id
                            ? records.displayName("stock.location", id) : "";
                    String product = quant.get("product_id") instanceof Long id
                            ? records.displayName("product.product", id) : "";
                    return location + " - " + product;
                })
                .fields(
                        many2one("product_id", "product.product", "Product").required().cascade(),
                        many2one("product_tmpl_id", "product.template", "Product Template").computed(Related.through(
                                "stock.quant", "product_id", "product.product", "product_tmpl_id")),
                        many2one("location_id", "stock.location", "Location").required().cascade(),
                        floating("quantity", "Quantity").readonly(),
                        floating("reserved_quantity", "Reserved Quantity").readonly().defaultValue(0.0),
                        floating("available_quantity", "Available Quantity").computed((records, quant) ->
                                Related.number(quant.get("quantity"))
                                        - Related.number(quant.get("reserved_quantity"))),
                        floating("inventory_quantity", "Counted Quantity"),
                        datetime("in_date", "Incoming Date").defaultValue(context ->
                                DateFormats.datetime(context.now()))));

        registry.add(saleOrder());
        registry.add(saleOrderLine());
    }

    private static FieldDef binary() {
        return FieldDef.binary("image_1920", "Image");
    }

    private static ModelDef saleOrder() {
        return new ModelDef("sale.order", "Sales Order").order("date_order desc, id desc").fields(
                chars("name", "Order Reference").required().defaultValue("New"),
                selection("state", "Status", "draft", "Quotation", "sent", "Quotation Sent", "sale", "Sales Order",
                        "cancel", "Cancelled").defaultValue("draft"),
                bool("locked", "Locked").defaultValue(false),
                datetime("date_order", "Order Date").required()
                        .defaultValue(context -> DateFormats.datetime(context.now())),
                date("validity_date", "Expiration"),
                many2one("partner_id", "res.partner", "Customer").required(),
                many2one("partner_invoice_id", "res.partner", "Invoice Address"),
                many2one("partner_shipping_id", "res.partner", "Delivery Address"),
                many2one("user_id", "res.users", "Salesperson").defaultValue(DefaultContext::uid),
                many2one("company_id", "res.company", "Company").required().defaultValue(1L),
                many2one("currency_id", "res.currency", "Currency").defaultValue(2L),
                chars("client_order_ref", "Customer Reference"),
                chars("origin", "Source Document"),
                html("note", "Terms and conditions"),
                one2many("order_line", "sale.order.line", "order_id", "Order Lines"),
                monetary("amount_untaxed", "Untaxed Amount").computedStored((records, order) ->
                        sumLines(records, order, "price_subtotal")),
                monetary("amount_tax", "Taxes").computedStored((records, order) -> 0.0),
                monetary("amount_total", "Total").computedStored((records, order) ->
                        sumLines(records, order, "price_total")),
                selection("invoice_status", "Invoice Status", "upselling", "Upselling Opportunity", "invoiced",
                        "Fully Invoiced", "to invoice", "To Invoice", "no", "Nothing to Invoice").defaultValue("no"),
                bool("is_rental_order", "Created In App Rental").defaultValue(false),
                datetime("rental_start_date", "Rental Start Date"),
                datetime("rental_return_date", "Rental Return Date"),
                selection("rental_status", "Rental Status", "draft", "Quotation", "sent", "Quotation Sent",
                        "pickup", "Reserved", "return", "Picked-up", "returned", "Returned", "cancel", "Cancelled"),
                bool("has_pickable_lines", "Has lines to pickup").computed((records, order) ->
                        "pickup".equals(order.get("rental_status"))),
                bool("has_returnable_lines", "Has lines to return").computed((records, order) ->
                        "return".equals(order.get("rental_status"))),
                bool("is_late", "Is overdue").computed((records, order) -> "return".equals(order.get("rental_status"))
                        && order.get("rental_return_date") instanceof String due
                        && due.compareTo(DateFormats.datetime(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))) < 0))
                .check((records, order) -> Related.truthy(order.get("is_rental_order"))
                        && order.get("rental_start_date") instanceof String start
                        && order.get("rental_return_date") instanceof String end && end.compareTo(start) <= 0
                        ? "The rental start date must be before the rental return date if any." : null);
    }

    private static ModelDef saleOrderLine() {
        return new ModelDef("sale.order.line", "Sales Order Line").order("order_id, sequence, id")
                .displayName((records, line) -> {
                    String order = line.get("order_id") instanceof Long id
                            ? String.valueOf(records.record("sale.order", id).get("name")) : "";
                    Object name = line.get("name");
                    return order + " - " + (name == null ? "" : name.toString().split("\n")[0]);
                })
                .fields(
                        many2one("order_id", "sale.order", "Order Reference").required().cascade(),
                        integer("sequence", "Sequence").defaultValue(10L),
                        many2one("product_id", "product.product", "Product").onDelete(FieldDef.OnDelete.RESTRICT),
                        many2one("product_template_id", "product.template", "Product Template").computed(
                                Related.through("sale.order.line", "product_id", "product.product", "product_tmpl_id")),
                        text("name", "Description").required(),
                        floating("product_uom_qty", "Quantity").required().defaultValue(1.0),
                        floating("price_unit", "Unit Price").required().defaultValue(0.0),
                        floating("discount", "Discount (%)").defaultValue(0.0),
                        monetary("price_subtotal", "Subtotal").computedStored(SalesModels::lineSubtotal),
                        monetary("price_tax", "Total Tax").computedStored((records, line) -> 0.0),
                        monetary("price_total", "Total").computedStored(SalesModels::lineSubtotal),
                        many2one("order_partner_id", "res.partner", "Customer").computedStored(Related.through(
                                "sale.order.line", "order_id", "sale.order", "partner_id")),
                        selection("state", "Order Status", "draft", "Quotation", "sent", "Quotation Sent", "sale",
                                "Sales Order", "cancel", "Cancelled").computedStored(Related.through(
                                        "sale.order.line", "order_id", "sale.order", "state")),
                        many2one("currency_id", "res.currency", "Currency").computed(Related.through(
                                "sale.order.line", "order_id", "sale.order", "currency_id")),
                        floating("qty_delivered", "Delivery Quantity").defaultValue(0.0),
                        floating("qty_invoiced", "Invoiced Quantity").defaultValue(0.0),
                        bool("is_rental", "Is a rental").defaultValue(false),
                        floating("qty_returned", "Returned").defaultValue(0.0),
                        datetime("start_date", "Start Date").computed(Related.through(
                                "sale.order.line", "order_id", "sale.order", "rental_start_date")),
                        datetime("return_date", "Return Date").computed(Related.through(
                                "sale.order.line", "order_id", "sale.order", "rental_return_date")))
                .check((records, line) -> Related.number(line.get("qty_returned"))
                        > Related.number(line.get("qty_delivered"))
                        ? "You cannot return more than what has been picked up." : null);
    }

    private static Object lineSubtotal(RecordAccess records, Map<String, Object> line) {
        double subtotal = Related.number(line.get("product_uom_qty")) * Related.number(line.get("price_unit"))
                * (1 - Related.number(line.get("discount")) / 100.0);
        return Math.round(subtotal * 100.0) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static double sumLines(RecordAccess records, Map<String, Object> order, String field) {
        double total = 0;
        for (Long line : (List<Long>) records.value("sale.order", order, "order_line")) {
            total += Related.number(records.value("sale.order.line", records.record("sale.order.line", line), field));
        }
        return Math.round(total * 100.0) / 100.0;
    }

    private static List<Long> internalQuants(RecordAccess records, Long productId) {
        return records.referencing("stock.quant", "product_id", productId).stream()
                .filter(quant -> records.record("stock.quant", quant).get("location_id") instanceof Long location
                        && "internal".equals(records.record("stock.location", location).get("usage")))
                .toList();
    }

    private static double onHand(RecordAccess records, Long productId) {
        double total = 0;
        for (Long quant : internalQuants(records, productId)) {
            total += Related.number(records.record("stock.quant", quant).get("quantity"));
        }
        return total;
    }

    private static String categoryName(RecordAccess records, Map<String, Object> category) {
        String own = String.valueOf(category.get("name"));
        if (category.get("parent_id") instanceof Long parent && records.record("product.category", parent) != null) {
            return categoryName(records, records.record("product.category", parent)) + " / " + own;
        }
        return own;
    }

    private static String locationName(RecordAccess records, Map<String, Object> location) {
        String own = String.valueOf(location.get("name"));
        if (location.get("location_id") instanceof Long parent && !"view".equals(location.get("usage"))
                && records.record("stock.location", parent) != null) {
            return locationName(records, records.record("stock.location", parent)) + "/" + own;
        }
        return own;
    }
}
