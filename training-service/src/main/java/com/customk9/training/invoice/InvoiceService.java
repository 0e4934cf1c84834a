package com.customk9.training.invoice;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.caller.Caller;

import io.smallrye.mutiny.Uni;

/**
 * The caller's customer invoices in Odoo (account.move, {@code move_type = out_invoice},
 * {@code partner_id} = the caller's partner), read as the integration user inside that scope; any other id
 * is a 404. The client area only reads them; a paid service booking creates one as a draft
 * ({@link #createDraft}), which accounting posts in Odoo.
 */
@ApplicationScoped
public class InvoiceService {

    static final String MODEL = "account.move";
    static final String LINE_MODEL = "account.move.line";
    private static final List<String> SHOWN_LINES = List.of("product", "line_section", "line_note");

    private final OdooClient odoo;
    private final InvoiceEvents events;

    public InvoiceService(OdooClient odoo, InvoiceEvents events) {
        this.odoo = odoo;
        this.events = events;
    }

    static Domain scope(Caller caller) {
        return Domain.where("partner_id", "=", caller.partnerId()).and("move_type", "=", "out_invoice");
    }

    /** Newest first. */
    public Uni<List<Invoice>> list(Caller caller, int limit, int offset) {
        return odoo.searchRead(MODEL, SearchQuery.where(scope(caller)).fields(Invoice.FIELDS)
                .orderBy("date desc, id desc").limit(limit).offset(offset))
                .map(records -> records.stream().map(record -> Invoice.of(record, null)).toList());
    }

    public Uni<Long> count(Caller caller) {
        return odoo.searchCount(MODEL, scope(caller));
    }

    /** One of the caller's invoices with its lines (the invoice and its lines read side by side). */
    public Uni<Invoice> get(Caller caller, long id) {
        Uni<List<OdooRecord>> invoice = odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id)
                .and(scope(caller))).fields(Invoice.FIELDS).limit(1));
        Uni<List<OdooRecord>> lines = odoo.searchRead(LINE_MODEL, SearchQuery.where(Domain.where("move_id", "=", id)
                .and("move_id.partner_id", "=", caller.partnerId()).and("move_id.move_type", "=", "out_invoice")
                .and("display_type", "in", SHOWN_LINES)).fields(Invoice.Line.FIELDS).orderBy("sequence, id"));
        return Uni.combine().all().unis(invoice, lines).with((invoices, lineRecords) -> {
            if (invoices.isEmpty()) {
                throw ApiException.notFound("invoice", id);
            }
            return Invoice.of(invoices.get(0), lineRecords.stream().map(Invoice.Line::of).toList());
        });
    }

    /** The caller's invoices made for these documents ({@code invoice_origin}), by origin. */
    public Uni<Map<String, Invoice>> byOrigin(Caller caller, Collection<String> origins) {
        if (origins.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return odoo.searchRead(MODEL, SearchQuery.where(scope(caller).and("invoice_origin", "in", List.copyOf(origins)))
                .fields(Invoice.FIELDS).orderBy("id"))
                .map(records -> {
                    Map<String, Invoice> byOrigin = new LinkedHashMap<>();
                    records.forEach(record -> byOrigin.put(record.text("invoice_origin"), Invoice.of(record, null)));
                    return byOrigin;
                });
    }

    /**
     * A draft invoice to the caller for one unit of a product at {@code price}, its origin the document it
     * bills, in one create (the line as an x2many command).
     */
    public Uni<Invoice> createDraft(Caller caller, String origin, long productId, String label, BigDecimal price) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product_id", productId);
        line.put("name", label);
        line.put("quantity", 1.0);
        line.put("price_unit", price);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("move_type", "out_invoice");
        values.put("partner_id", caller.partnerId());
        values.put("invoice_origin", origin);
        values.put("invoice_line_ids", List.of(List.of(0, 0, line)));
        return odoo.create(MODEL, values)
                .chain(id -> get(caller, id))
                .call(invoice -> events.created(invoice, origin));
    }

    /**
     * Cancels one of the caller's draft invoices ({@code state = cancel}: what Odoo's {@code button_cancel}
     * writes for a draft). A posted invoice is accounting's to reverse: 409.
     */
    public Uni<Void> cancelDraft(Caller caller, Invoice invoice) {
        if ("cancel".equals(invoice.state())) {
            return Uni.createFrom().voidItem();
        }
        if (!"draft".equals(invoice.state())) {
            return Uni.createFrom().failure(ApiException.conflict("Invoice " + invoice.number()
                    + " was already issued for this booking; contact us to cancel it"));
        }
        return odoo.write(MODEL, List.of(invoice.id()), Map.of("state", "cancel"))
                .chain(() -> get(caller, invoice.id()))
                .call(events::cancelled)
                .replaceWithVoid();
    }
}
