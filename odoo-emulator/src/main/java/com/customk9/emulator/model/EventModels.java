package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.datetime;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;

import java.util.Map;

/**
 * event: classes and events with seat limits, their types and registrations. Seats follow Odoo 17:
 * {@code open} registrations reserve a seat, {@code done} ones used one, {@code draft} and {@code cancel} none;
 * a limited event refuses a registration beyond {@code seats_max} with Odoo's ValidationError.
 */
final class EventModels {

    private EventModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("event.type", "Event Template").order("sequence, id").fields(
                chars("name", "Event Template").required(),
                integer("sequence", "Sequence").defaultValue(10L),
                bool("has_seats_limitation", "Limited Seats").defaultValue(false),
                integer("seats_max", "Maximum Registrations"),
                selection("default_timezone", "Timezone", BaseModels.TIMEZONES),
                html("note", "Note")));

        registry.add(new ModelDef("event.event", "Event").order("date_begin, id").fields(
                chars("name", "Event").required(),
                html("description", "Description"),
                bool("active", "Active").defaultValue(true),
                many2one("user_id", "res.users", "Responsible").defaultValue(DefaultContext::uid),
                many2one("company_id", "res.company", "Company").defaultValue(1L),
                many2one("organizer_id", "res.partner", "Organizer").defaultValue(1L),
                many2one("event_type_id", "event.type", "Template"),
                many2one("address_id", "res.partner", "Venue"),
                selection("date_tz", "Display Timezone", BaseModels.TIMEZONES).required().defaultValue("UTC"),
                datetime("date_begin", "Start Date").required(),
                datetime("date_end", "End Date").required(),
                bool("seats_limited", "Limit Registrations").defaultValue(false),
                integer("seats_max", "Maximum Attendees"),
                integer("seats_reserved", "Number of Registrations")
                        .computedStored((records, event) -> seats(records, event, "open")),
                integer("seats_used", "Number of Attendees")
                        .computedStored((records, event) -> seats(records, event, "done")),
                integer("seats_unconfirmed", "Number of Expected Attendees")
                        .computedStored((records, event) -> seats(records, event, "draft")),
                integer("seats_taken", "Number of Taken Seats").computedStored((records, event) ->
                        seats(records, event, "open") + seats(records, event, "done")),
                integer("seats_available", "Available Seats").computedStored((records, event) ->
                        Related.truthy(event.get("seats_limited")) ? seatsAvailable(records, event) : 0L),
                bool("event_registrations_sold_out", "Sold Out").computed((records, event) ->
                        Related.truthy(event.get("seats_limited")) && seatsAvailable(records, event) <= 0),
                bool("is_published", "Is Published").defaultValue(false),
                bool("website_published", "Visible on current website").computed((records, event) ->
                        Related.truthy(event.get("is_published"))),
                chars("website_url", "Website URL").computed((records, event) ->
                        "/event/" + slug(event.get("name"), (Long) event.get("id"))),
                one2many("registration_ids", "event.registration", "event_id", "Attendees"))
                .check((records, event) -> event.get("date_begin") instanceof String begin
                        && event.get("date_end") instanceof String end && end.compareTo(begin) < 0
                        ? "The closing date cannot be earlier than the beginning date." : null)
                .check((records, event) -> Related.truthy(event.get("seats_limited"))
                        && event.get("seats_max") instanceof Long max && max < 0
                        ? "The maximum number of attendees cannot be negative." : null)
                .check((records, event) -> Related.truthy(event.get("seats_limited"))
                        && seatsAvailable(records, event) < 0
                        ? "There are not enough seats available for:\n- \"" + event.get("name") + "\": Missing "
                                + -seatsAvailable(records, event) + " seats." : null));

        registry.add(new ModelDef("event.registration", "Event Registration").order("id desc")
                .displayName((records, registration) -> {
                    Object name = registration.get("name");
                    if (name == null && registration.get("partner_id") instanceof Long partner) {
                        return records.displayName("res.partner", partner);
                    }
                    return name == null ? "event.registration," + registration.get("id") : name.toString();
                })
                .fields(
                        many2one("event_id", "event.event", "Event").required().cascade(),
                        many2one("partner_id", "res.partner", "Booked by"),
                        chars("name", "Attendee Name"),
                        chars("email", "Email"),
                        chars("phone", "Phone"),
                        many2one("company_id", "res.company", "Company").defaultValue(1L),
                        selection("state", "Status", "draft", "Unconfirmed", "cancel", "Cancelled", "open",
                                "Registered", "done", "Attended").defaultValue("open"),
                        datetime("date_closed", "Attended Date"),
                        datetime("event_begin_date", "Event Start Date").computed(Related.through(
                                "event.registration", "event_id", "event.event", "date_begin")),
                        datetime("event_end_date", "Event End Date").computed(Related.through(
                                "event.registration", "event_id", "event.event", "date_end")),
                        many2one("sale_order_id", "sale.order", "Sales Order").onDelete(FieldDef.OnDelete.CASCADE),
                        many2one("dog_id", "customk9.dog", "Dog"))
                .check((records, registration) -> {
                    Map<String, Object> event = registration.get("event_id") instanceof Long eventId
                            ? records.record("event.event", eventId) : null;
                    if (event != null && Related.truthy(event.get("seats_limited"))
                            && seatsAvailable(records, event) < 0) {
                        return "There are not enough seats available for:\n- \"" + event.get("name")
                                + "\": Missing " + -seatsAvailable(records, event) + " seats.";
                    }
                    return null;
                }));
    }

    private static long seats(RecordAccess records, Map<String, Object> event, String state) {
        long count = 0;
        for (Long id : records.referencing("event.registration", "event_id", (Long) event.get("id"))) {
            if (state.equals(records.record("event.registration", id).get("state"))) {
                count++;
            }
        }
        return count;
    }

    private static long seatsAvailable(RecordAccess records, Map<String, Object> event) {
        long max = event.get("seats_max") instanceof Long m ? m : 0;
        return max - seats(records, event, "open") - seats(records, event, "done");
    }

    static String slug(Object name, Long id) {
        String base = name == null ? "" : name.toString().toLowerCase().replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return base.isEmpty() ? String.valueOf(id) : base + "-" + id;
    }
}
