package com.customk9.training.booking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service bookings (helpdesk tickets), under {@code customk9.bookings}. */
@ConfigMapping(prefix = "customk9.bookings")
public interface BookingsConfig {

    /** The helpdesk stage a cancelled booking is moved to (Odoo's helpdesk ships one named "Cancelled"). */
    @WithDefault("Cancelled")
    String cancelledStage();
}
