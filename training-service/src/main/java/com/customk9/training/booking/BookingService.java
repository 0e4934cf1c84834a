package com.customk9.training.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.FieldProblems;
import com.customk9.training.OdooHtml;
import com.customk9.training.caller.Caller;
import com.customk9.training.dog.Dog;
import com.customk9.training.dog.MyDogs;
import com.customk9.training.invoice.Invoice;
import com.customk9.training.invoice.InvoiceService;

import io.smallrye.mutiny.Uni;

/**
 * Service bookings in Odoo's helpdesk (helpdesk.ticket, {@code partner_id} = the caller's partner), read
 * and written as the integration user inside that scope; any other id is a 404. A booking may name one of
 * the caller's dogs and a service (a sellable product.product of type service, kept in the ticket's
 * {@code product_id}); a service with a price is billed at once with a draft invoice whose origin names
 * the ticket. Cancelling moves the ticket to the "Cancelled" stage and cancels the draft invoice.
 */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);
    static final String MODEL = "helpdesk.ticket";
    static final String STAGE_MODEL = "helpdesk.stage";
    static final String PRODUCT_MODEL = "product.product";

    private final OdooClient odoo;
    private final MyDogs dogs;
    private final InvoiceService invoices;
    private final BookingEvents events;
    private final BookingsConfig config;
    private final Clock clock;

    public BookingService(OdooClient odoo, MyDogs dogs, InvoiceService invoices, BookingEvents events,
            BookingsConfig config, Clock clock) {
        this.odoo = odoo;
        this.dogs = dogs;
        this.invoices = invoices;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    static Domain scope(Caller caller) {
        return Domain.where("partner_id", "=", caller.partnerId());
    }

    /** Newest first, each with its invoice (all read in one more search). */
    public Uni<List<Booking>> list(Caller caller, int limit, int offset) {
        return odoo.searchRead(MODEL, SearchQuery.where(scope(caller)).fields(Booking.FIELDS)
                .orderBy("create_date desc, id desc").limit(limit).offset(offset))
                .chain(records -> withInvoices(caller, records));
    }

    public Uni<Long> count(Caller caller) {
        return odoo.searchCount(MODEL, scope(caller));
    }

    public Uni<Booking> get(Caller caller, long id) {
        return find(caller, id).chain(record -> withInvoices(caller, List.of(record))).map(found -> found.get(0));
    }

    /** A new service request of the caller's; a priced service also gets its draft invoice. */
    public Uni<Booking> create(Caller caller, BookingRequest request) {
        Uni<Optional<Dog>> dog = request.dogId() == null ? Uni.createFrom().item(Optional.empty())
                : dogs.active(caller, request.dogId());
        Uni<Optional<OdooRecord>> service = request.serviceId() == null ? Uni.createFrom().item(Optional.empty())
                : service(request.serviceId());
        return Uni.combine().all().unis(dog, service).asTuple().chain(found -> {
            FieldProblems problems = new FieldProblems();
            if (request.dogId() != null && found.getItem1().isEmpty()) {
                problems.add("dog_id", "is not one of your dogs");
            }
            if (request.serviceId() != null && found.getItem2().isEmpty()) {
                problems.add("service_id", "is not a service that can be booked");
            }
            problems.throwIfAny();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", request.name().strip());
            if (request.description() != null && !request.description().isBlank()) {
                values.put("description", OdooHtml.fromText(request.description()));
            }
            values.put("partner_id", caller.partnerId());
            found.getItem1().ifPresent(value -> values.put("dog_id", value.id()));
            found.getItem2().ifPresent(value -> values.put("product_id", value.id()));
            return odoo.create(MODEL, values)
                    .call(id -> invoiceIfPriced(caller, id, found.getItem2(), found.getItem1()));
        })
                .chain(id -> get(caller, id))
                .call(events::created);
    }

    /**
     * Cancels one of the caller's bookings: its draft invoice first (a posted one is a 409 and nothing
     * changes), then the ticket moves to the cancelled stage. A cancelled booking stays as it is; a
     * solved one (any other folded stage) cannot be cancelled.
     */
    public Uni<Void> cancel(Caller caller, long id) {
        return Uni.combine().all().unis(find(caller, id), stages()).asTuple().chain(found -> {
            OdooRecord record = found.getItem1();
            Map<Long, OdooRecord> stages = found.getItem2();
            OdooRecord cancelled = stages.values().stream()
                    .filter(stage -> config.cancelledStage().equalsIgnoreCase(stage.text("name"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Odoo has no helpdesk stage named '" + config.cancelledStage() + "'"));
            Optional<Long> stageId = record.many2oneId("stage_id");
            if (stageId.isPresent() && stageId.get() == cancelled.id()) {
                return Uni.createFrom().voidItem();
            }
            if (stageId.map(stages::get).map(stage -> stage.bool("fold")).orElse(false)) {
                return Uni.createFrom().failure(ApiException.conflict("This booking is already closed"));
            }
            return invoices.byOrigin(caller, List.of(Booking.origin(id)))
                    .chain(byOrigin -> {
                        Invoice invoice = byOrigin.get(Booking.origin(id));
                        return invoice == null ? Uni.createFrom().voidItem() : invoices.cancelDraft(caller, invoice);
                    })
                    .chain(() -> odoo.write(MODEL, List.of(id), Map.of("stage_id", cancelled.id(),
                            "close_date", clock.instant())))
                    .chain(() -> get(caller, id))
                    .call(events::cancelled)
                    .replaceWithVoid();
        });
    }

    private Uni<OdooRecord> find(Caller caller, long id) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and(scope(caller)))
                .fields(Booking.FIELDS).limit(1))
                .map(records -> {
                    if (records.isEmpty()) {
                        throw ApiException.notFound("booking", id);
                    }
                    return records.get(0);
                });
    }

    /** A service the client area may book: an active, sellable product of type service. */
    private Uni<Optional<OdooRecord>> service(long productId) {
        return odoo.searchRead(PRODUCT_MODEL, SearchQuery.where(Domain.where("id", "=", productId)
                .and("type", "=", "service").and("sale_ok", "=", true)).fields("name", "lst_price").limit(1))
                .map(products -> products.stream().findFirst());
    }

    private Uni<Map<Long, OdooRecord>> stages() {
        return odoo.searchRead(STAGE_MODEL, SearchQuery.all().fields("name", "fold").orderBy("sequence, id"))
                .map(records -> {
                    Map<Long, OdooRecord> byId = new LinkedHashMap<>();
                    records.forEach(stage -> byId.put(stage.id(), stage));
                    return byId;
                });
    }

    /**
     * Bills a priced service with a draft invoice. When that fails the new ticket is deleted again (nobody
     * has seen it yet), so the request can be retried without leaving an unbilled booking behind.
     */
    private Uni<Void> invoiceIfPriced(Caller caller, long ticketId, Optional<OdooRecord> service, Optional<Dog> dog) {
        BigDecimal price = service.flatMap(product -> product.decimal("lst_price")).orElse(BigDecimal.ZERO);
        if (service.isEmpty() || price.signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        String label = service.get().text("name") + dog.map(value -> " - " + value.name()).orElse("");
        return invoices.createDraft(caller, Booking.origin(ticketId), service.get().id(), label, price)
                .onFailure().call(() -> odoo.unlink(MODEL, List.of(ticketId))
                        .onFailure().invoke(error -> LOG.errorf("Booking %d has no invoice and could not be removed: %s",
                                ticketId, error.toString()))
                        .onFailure().recoverWithNull())
                .replaceWithVoid();
    }

    private Uni<List<Booking>> withInvoices(Caller caller, List<OdooRecord> records) {
        List<String> origins = records.stream().map(record -> Booking.origin(record.id())).toList();
        return invoices.byOrigin(caller, origins).map(byOrigin -> records.stream()
                .map(record -> Booking.of(record, config.cancelledStage(), byOrigin.get(Booking.origin(record.id()))))
                .toList());
    }
}
