package com.customk9.odoo.client.error;

import java.util.Map;

/**
 * What every error of the Odoo client has in common, whichever public status it maps to: what Odoo
 * said (for logs, and for the envelope's {@code odoo_error}) and an outcome tag for metrics.
 */
public interface OdooFailure {

    /** What Odoo answered ({@code name}, {@code code}, {@code message}, {@code http_status}), or null. */
    Map<String, Object> odooError();

    /** The {@code outcome} tag of the {@code odoo.client.calls} timer. */
    String outcome();
}
