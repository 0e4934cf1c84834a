package com.customk9.odoo.client.auth;

/** Who a call to Odoo runs as: the technical integration user, or a signed-in user. */
public sealed interface Identity permits Identity.Integration, Identity.User {

    Identity INTEGRATION = new Integration();

    /** The identity's part of a cache key: two identities never share a cached read. */
    String cacheTag();

    /** The technical integration user (API key from configuration). */
    record Integration() implements Identity {
        @Override
        public String cacheTag() {
            return "integration";
        }
    }

    /** A user, by their Odoo session. */
    record User(OdooUserSession session) implements Identity {
        @Override
        public String cacheTag() {
            return "user:" + session.userId();
        }
    }
}
