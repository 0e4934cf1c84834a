package com.customk9.training.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sessions with a trainer are booked, under {@code customk9.appointments}. */
@ConfigMapping(prefix = "customk9.appointments")
public interface AppointmentsConfig {

    /** The Odoo group (its full name, "Category / Name") whose members can be booked. */
    @WithDefault("CustomK9 / Trainer")
    String trainerGroup();

    WorkingHours workingHours();

    /**
     * Longest wait for another booking of the same calendars to finish (the advisory lock); past it
     * the request is a 409 the client may retry.
     */
    @WithDefault("10s")
    Duration lockTimeout();

    /** When a trainer can be booked: the free slots the availability offers. */
    interface WorkingHours {
        @WithDefault("09:00")
        LocalTime start();

        @WithDefault("17:00")
        LocalTime end();

        /**
         * The zone the hours are in (an IANA name such as {@code America/New_York}); without it the trainer's
         * own Odoo timezone, or UTC when they have none.
         */
        Optional<String> zone();

        /** Free start times are offered every this long from the start of the day. */
        @WithDefault("30m")
        Duration slotStep();
    }
}
