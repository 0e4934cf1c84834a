package com.customk9.training.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog.Ref;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer invoice as the client area shows it (account.move with {@code move_type = out_invoice}).
 * {@code number} is empty until the invoice is posted; {@code lines} only on a single invoice.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Invoice(
        long id,
        String number,
        String state,
        @JsonProperty("payment_state") String paymentState,
        String currency,
        @JsonProperty("amount_untaxed") BigDecimal amountUntaxed,
        @JsonProperty("amount_tax") BigDecimal amountTax,
        @JsonProperty("amount_total") BigDecimal amountTotal,
        @JsonProperty("amount_due") BigDecimal amountDue,
        LocalDate date,
        @JsonProperty("invoice_date") LocalDate invoiceDate,
        @JsonProperty("due_date") LocalDate dueDate,
        String origin,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Line> lines) {

    /** A product line (or a section or note: {@code display_type}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(
            long id,
            @JsonProperty("display_type") String displayType,
            String description,
            Ref product,
            BigDecimal quantity,
            @JsonProperty("unit_price") BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal subtotal,
            BigDecimal total) {

        static final String[] FIELDS = { "display_type", "name", "product_id", "quantity", "price_unit", "discount",
                "price_subtotal", "price_total", "sequence" };

        static Line of(OdooRecord record) {
            return new Line(record.id(), record.string("display_type").orElse(null), record.string("name").orElse(null),
                    record.many2one("product_id").map(product -> new Ref(product.id(), product.displayName())).orElse(null),
                    record.decimal("quantity").orElse(null), record.decimal("price_unit").orElse(null),
                    record.decimal("discount").orElse(null), record.decimal("price_subtotal").orElse(null),
                    record.decimal("price_total").orElse(null));
        }
    }

    static final String[] FIELDS = { "name", "state", "payment_state", "currency_id", "amount_untaxed", "amount_tax",
            "amount_total", "amount_residual", "date", "invoice_date", "invoice_date_due", "invoice_origin" };

    static Invoice of(OdooRecord record, List<Line> lines) {
        String number = record.string("name").filter(name -> !name.isBlank() && !"/".equals(name)).orElse(null);
        return new Invoice(record.id(), number, record.string("state").orElse(null),
                record.string("payment_state").orElse(null),
                record.many2one("currency_id").map(currency -> currency.displayName()).orElse(null),
                record.decimal("amount_untaxed").orElse(null), record.decimal("amount_tax").orElse(null),
                record.decimal("amount_total").orElse(null), record.decimal("amount_residual").orElse(null),
                record.date("date").orElse(null), record.date("invoice_date").orElse(null),
                record.date("invoice_date_due").orElse(null), record.string("invoice_origin").orElse(null), lines);
    }
}
