package com.customk9.platform.event;

/** The Kafka topics of the suite (deploy/local/topics creates the same list for local runs). */
public final class Topics {

    /** What Odoo's webhooks sent, verified by the gateway, keyed {@code model:id}. */
    public static final String ODOO_WEBHOOKS = "odoo.webhooks";
    public static final String AUTH_EVENTS = "customk9.auth.events";
    public static final String TRAINING_EVENTS = "customk9.training.events";
    public static final String RENTAL_EVENTS = "customk9.rental.events";
    public static final String EVENTS_EVENTS = "customk9.events.events";
    public static final String ATTENDANCE_EVENTS = "customk9.attendance.events";
    public static final String MARKETING_EVENTS = "customk9.marketing.events";

    private Topics() {
    }

    /** The domain-event topic of a service: {@code customk9.<service>.events}. */
    public static String eventsOf(String service) {
        return "customk9." + service + ".events";
    }
}
