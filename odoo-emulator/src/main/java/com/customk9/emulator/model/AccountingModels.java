package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.date;
import static com.customk9.emulator.model.FieldDef.floating;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.monetary;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;

import java.util.List;
import java.util.Map;

/**
 * account: invoices ({@code account.move} with {@code move_type} out_invoice...) and their lines. Without a
 * payment model, {@code payment_state} is set directly (the demo data posts some invoices paid, some not);
 * {@code amount_residual} follows from it.
 */
final class AccountingModels {

    private AccountingModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("account.move", "Journal Entry").order("date desc, name desc, id desc")
                .displayName((records, move) -> {
                    Object name = move.get("name");
                    if (name == null || "/".equals(name)) {
                        String kind = switch (String.valueOf(move.get("move_type"))) {
                            case "out_invoice" -> "Draft Invoice";
                            case "out_refund" -> "Draft Credit Note";
                            case "in_invoice" -> "Draft Bill";
                            case "in_refund" -> "Draft Vendor Credit Note";
                            default -> "Draft Entry";
                        };
                        return kind + " (* " + move.get("id") + ")";
                    }
                    return name.toString();
                })
                .fields(
                        chars("name", "Number").defaultValue("/"),
                        date("date", "Date").required().defaultValue(context -> DateFormats.date(context.today())),
                        chars("ref", "Reference"),
                        html("narration", "Terms and Conditions"),
                        selection("state", "Status", "draft", "Draft", "posted", "Posted", "cancel", "Cancelled")
                                .required().defaultValue("draft"),
                        selection("move_type", "Type", "entry", "Journal Entry", "out_invoice", "Customer Invoice",
                                "out_refund", "Customer Credit Note", "in_invoice", "Vendor Bill", "in_refund",
                                "Vendor Credit Note", "out_receipt", "Sales Receipt", "in_receipt", "Purchase Receipt")
                                .required().defaultValue("entry"),
                        many2one("partner_id", "res.partner", "Partner").onDelete(FieldDef.OnDelete.RESTRICT),
                        many2one("commercial_partner_id", "res.partner", "Commercial Entity").computedStored(
                                Related.through("account.move", "partner_id", "res.partner", "commercial_partner_id")),
                        many2one("company_id", "res.company", "Company").defaultValue(1L),
                        many2one("currency_id", "res.currency", "Currency").required().defaultValue(2L),
                        date("invoice_date", "Invoice/Bill Date"),
                        date("invoice_date_due", "Due Date"),
                        chars("invoice_origin", "Origin"),
                        chars("payment_reference", "Payment Reference"),
                        many2one("invoice_user_id", "res.users", "Salesperson").defaultValue(DefaultContext::uid),
                        one2many("invoice_line_ids", "account.move.line", "move_id", "Invoice lines"),
                        one2many("line_ids", "account.move.line", "move_id", "Journal Items"),
                        monetary("amount_untaxed", "Untaxed Amount").computedStored((records, move) ->
                                sumLines(records, move, "price_subtotal")),
                        monetary("amount_tax", "Tax").computedStored((records, move) -> 0.0),
                        monetary("amount_total", "Total").computedStored((records, move) ->
                                sumLines(records, move, "price_total")),
                        monetary("amount_residual", "Amount Due").computedStored((records, move) -> {
                            Object paymentState = move.get("payment_state");
                            if ("paid".equals(paymentState) || "in_payment".equals(paymentState)
                                    || "reversed".equals(paymentState)) {
                                return 0.0;
                            }
                            return sumLines(records, move, "price_total");
                        }),
                        selection("payment_state", "Payment Status", "not_paid", "Not Paid", "in_payment",
                                "In Payment", "paid", "Paid", "partial", "Partially Paid", "reversed", "Reversed",
                                "invoicing_legacy", "Invoicing App Legacy").defaultValue("not_paid"),
                        chars("access_url", "Portal Access URL").computed((records, move) ->
                                "/my/invoices/" + move.get("id"))));

        registry.add(new ModelDef("account.move.line", "Journal Item").order("date desc, move_name desc, id")
                .displayName((records, line) -> {
                    Object name = line.get("name");
                    return name == null ? "" : name.toString();
                })
                .fields(
                        many2one("move_id", "account.move", "Journal Entry").required().cascade(),
                        chars("move_name", "Number").computedStored(Related.through("account.move.line", "move_id",
                                "account.move", "name")),
                        date("date", "Date").computedStored(Related.through("account.move.line", "move_id",
                                "account.move", "date")),
                        selection("parent_state", "Parent State", "draft", "Draft", "posted", "Posted", "cancel",
                                "Cancelled").computedStored(Related.through("account.move.line", "move_id",
                                        "account.move", "state")),
                        many2one("partner_id", "res.partner", "Partner").computedStored(Related.through(
                                "account.move.line", "move_id", "account.move", "partner_id")),
                        integer("sequence", "Sequence").defaultValue(10L),
                        chars("name", "Label"),
                        many2one("product_id", "product.product", "Product"),
                        floating("quantity", "Quantity").defaultValue(1.0),
                        floating("price_unit", "Unit Price").defaultValue(0.0),
                        floating("discount", "Discount (%)").defaultValue(0.0),
                        monetary("price_subtotal", "Subtotal").computedStored(AccountingModels::lineSubtotal),
                        monetary("price_total", "Total").computedStored(AccountingModels::lineSubtotal),
                        many2one("currency_id", "res.currency", "Currency").computed(Related.through(
                                "account.move.line", "move_id", "account.move", "currency_id")),
                        selection("display_type", "Display Type", "product", "Product", "cogs", "Cost of Goods Sold",
                                "tax", "Tax", "discount", "Discount", "rounding", "Rounding", "payment_term", "Payment Term",
                                "line_section", "Section", "line_note", "Note", "epd", "Early Payment Discount")
                                .required().defaultValue("product")));
    }

    private static Object lineSubtotal(RecordAccess records, Map<String, Object> line) {
        double subtotal = Related.number(line.get("quantity")) * Related.number(line.get("price_unit"))
                * (1 - Related.number(line.get("discount")) / 100.0);
        return Math.round(subtotal * 100.0) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static double sumLines(RecordAccess records, Map<String, Object> move, String field) {
        double total = 0;
        for (Long line : (List<Long>) records.value("account.move", move, "invoice_line_ids")) {
            Map<String, Object> record = records.record("account.move.line", line);
            if ("product".equals(record.get("display_type"))) {
                total += Related.number(records.value("account.move.line", record, field));
            }
        }
        return Math.round(total * 100.0) / 100.0;
    }
}
