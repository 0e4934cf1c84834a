package com.customk9.odoo.client.resilience;

/** Whether a call only reads (idempotent: safe to repeat after any transient failure) or changes data. */
public enum CallKind {
    READ,
    WRITE
}
