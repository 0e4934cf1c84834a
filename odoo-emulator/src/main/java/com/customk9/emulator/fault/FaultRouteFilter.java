package com.customk9.emulator.fault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the connection-level faults before a request reaches the Odoo surfaces: full outage and
 * plain HTTP 500s, and counts the requests per surface. Any other path (the host application's own,
 * /emulator, /q) passes untouched. Latency is added by the surfaces themselves, once the request
 * body has been read ({@link FaultInjector#delay}).
 */
@ApplicationScoped
public class FaultRouteFilter {

    /** Before Quarkus REST, after Quarkus' own early handlers. */
    static final int ORDER = -1_000;

    private final FaultInjector faults;
    private final RequestStats stats;

    public FaultRouteFilter(FaultInjector faults, RequestStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        OdooSurface surface = OdooSurface.of(path);
        if (surface == null) {
            context.next();
            return;
        }
        stats.countRequest(surface);
        var outage = faults.outage();
        if (outage.isPresent()) {
            switch (outage.get()) {
                case CLOSE -> context.request().connection().close();
                case BAD_GATEWAY -> page(context, 502, "Bad Gateway");
                case UNAVAILABLE -> page(context, 503, "Service Unavailable");
            }
            return;
        }
        if (faults.serverErrorNow(path, FaultInjector.ErrorStyle.HTTP)) {
            page(context, 500, "Internal Server Error");
            return;
        }
        context.next();
    }

    /** The bare page nginx (or werkzeug) answers, with the connection closed after it. */
    private static void page(RoutingContext context, int status, String reason) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html")
                .putHeader("Connection", "close")
                .end("<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                        + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }
}
