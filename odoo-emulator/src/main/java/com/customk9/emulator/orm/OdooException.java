package com.customk9.emulator.orm;

/**
 * An error Odoo raises to the caller. {@link #odooName()} is the Python class JSON-RPC reports in
 * {@code error.data.name}, e.g. {@code odoo.exceptions.ValidationError}.
 */
public abstract class OdooException extends RuntimeException {

    protected OdooException(String message) {
        super(message);
    }

    public abstract String odooName();

    /** {@code odoo.exceptions.UserError}: a business rule the user broke. */
    public static class UserError extends OdooException {
        public UserError(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "odoo.exceptions.UserError";
        }
    }

    /** {@code odoo.exceptions.ValidationError}: required, selection, type or constraint violated. */
    public static class ValidationError extends OdooException {
        public ValidationError(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "odoo.exceptions.ValidationError";
        }
    }

    /**
     * Python's {@code ValueError}, which Odoo 17 raises for an unknown field ("Invalid field 'x' on model 'y'"),
     * a selection value outside the list ("Wrong value for sale.order.state: 'foo'"), a value of the wrong type
     * ("invalid literal for int() with base 10: 'abc'", "time data '...' does not match format '%Y-%m-%d'"), a
     * malformed domain or order. JSON-RPC reports it as {@code builtins.ValueError}. It extends
     * {@link ValidationError} so that callers mapping "the input was wrong" can catch both at once.
     */
    public static class ValueError extends ValidationError {
        public ValueError(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "builtins.ValueError";
        }
    }

    /** {@code odoo.exceptions.AccessError}: the user may not do this on this model or record. */
    public static class AccessError extends OdooException {
        public AccessError(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "odoo.exceptions.AccessError";
        }
    }

    /** {@code odoo.exceptions.MissingError}: the record does not exist (any more). */
    public static class MissingError extends OdooException {
        public MissingError(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "odoo.exceptions.MissingError";
        }
    }

    /** {@code odoo.exceptions.AccessDenied}: wrong login or password. */
    public static class AccessDenied extends OdooException {
        public AccessDenied() {
            super("Access Denied");
        }

        @Override
        public String odooName() {
            return "odoo.exceptions.AccessDenied";
        }
    }

    /** An unknown model: Odoo answers {@code KeyError} with the model name. */
    public static class UnknownModel extends OdooException {
        public UnknownModel(String model) {
            super(model);
        }

        @Override
        public String odooName() {
            return "builtins.KeyError";
        }
    }

    /**
     * A concurrent update PostgreSQL refused ({@code psycopg2.errors.SerializationFailure}); Odoo's
     * RPC layer retries these, a client may too.
     */
    public static class SerializationFailure extends OdooException {
        public SerializationFailure(String message) {
            super(message);
        }

        @Override
        public String odooName() {
            return "psycopg2.errors.SerializationFailure";
        }
    }
}
