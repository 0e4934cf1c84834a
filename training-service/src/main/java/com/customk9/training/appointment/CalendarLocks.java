package com.customk9.training.appointment;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.error.ApiException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Serialises changes to the same calendars. Odoo has no lock a client can take around "is the slot
 * free? then create the event", so two bookings of one slot could both see it free and both be created.
 * Each check-and-write runs holding a PostgreSQL transaction-level advisory lock per partner whose
 * calendar it checks ({@code pg_advisory_xact_lock(space, partner id)}, taken in ascending order so two
 * bookings never wait on each other), in our own database, which every replica of the service shares.
 * The locks go with the transaction, also when the process dies. Only bookings made through this
 * service are serialised: an event a trainer enters in Odoo itself meanwhile is not.
 */
@ApplicationScoped
public class CalendarLocks {

    /** The first key of our advisory locks: "calendar of partner <second key>" ("CK9\1"). */
    static final int CALENDAR_LOCKS = 0x434B3901;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Pool pool;
    private final AppointmentsConfig config;

    public CalendarLocks(Pool pool, AppointmentsConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Runs {@code work} while no other booking through this service changes these partners' calendars. */
    public <T> Uni<T> holding(Collection<Long> partnerIds, Supplier<Uni<T>> work) {
        List<Long> ordered = List.copyOf(new TreeSet<>(partnerIds));
        return pool.withTransaction(connection -> connection
                .query("set local lock_timeout = " + Math.max(1, config.lockTimeout().toMillis())).execute()
                .chain(() -> lockAll(connection, ordered))
                .chain(work::get))
                .onFailure(PgException.class).transform(error -> LOCK_NOT_AVAILABLE.equals(((PgException) error).getSqlState())
                        ? ApiException.conflict("Another booking is changing this calendar; try again")
                        : error);
    }

    private static Uni<Void> lockAll(SqlConnection connection, List<Long> partnerIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long partnerId : partnerIds) {
            chain = chain.chain(() -> connection.preparedQuery("select 1 from pg_advisory_xact_lock($1, $2)")
                    .execute(Tuple.of(CALENDAR_LOCKS, Math.toIntExact(partnerId))).replaceWithVoid());
        }
        return chain;
    }
}
