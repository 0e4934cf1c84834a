package com.customk9.platform.outbox;

import java.util.ArrayList;
import java.util.List;

/** What one relay pass achieved: events the broker acknowledged, events to retry, events given up. */
final class RelayPass {

    record Failure(long id, String error) {
    }

    final List<Long> sent = new ArrayList<>();
    final List<Failure> retry = new ArrayList<>();
    final List<Failure> dead = new ArrayList<>();

    synchronized void sent(long id) {
        sent.add(id);
    }

    synchronized void retry(long id, String error) {
        retry.add(new Failure(id, error));
    }

    synchronized void dead(long id, String error) {
        dead.add(new Failure(id, error));
    }

    boolean brokerFailed() {
        return !retry.isEmpty();
    }
}
