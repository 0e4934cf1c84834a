package com.customk9.emulator.seed;

/**
 * Ids of the demo records, stable because the demo data is created in a fixed order on an empty store. Tests and
 * the documentation (odoo-emulator/README.md) rely on them.
 */
public final class DemoIds {

    // res.users
    public static final long SUPERUSER_UID = 1;
    public static final long ADMIN_UID = 2;
    public static final long INTEGRATION_UID = 3;
    public static final long SARAH_TRAINER_UID = 4;
    public static final long MARCUS_TRAINER_UID = 5;
    public static final long ANNA_CLIENT_UID = 6;
    public static final long BEN_CLIENT_UID = 7;
    public static final long CHLOE_CLIENT_UID = 8;
    public static final long DAVID_CLIENT_UID = 9;

    // res.partner
    public static final long COMPANY_PARTNER = 1;
    public static final long ODOOBOT_PARTNER = 2;
    public static final long ADMIN_PARTNER = 3;
    public static final long INTEGRATION_PARTNER = 4;
    public static final long SARAH_PARTNER = 5;
    public static final long MARCUS_PARTNER = 6;
    public static final long ANNA_PARTNER = 7;
    public static final long BEN_PARTNER = 8;
    public static final long CHLOE_PARTNER = 9;
    public static final long DAVID_PARTNER = 10;
    public static final long EMMA_VISITOR_PARTNER = 11;
    public static final long VENUE_PARTNER = 12;

    // customk9.dog
    public static final long DOG_REX = 1;
    public static final long DOG_BELLA = 2;
    public static final long DOG_MAX = 3;
    public static final long DOG_LUNA = 4;
    /** Archived (active = false). */
    public static final long DOG_BUDDY = 5;

    // customk9.training.plan
    public static final long PLAN_REX_OBEDIENCE = 1;
    public static final long PLAN_BELLA_PUPPY = 2;
    public static final long PLAN_MAX_AGILITY = 3;
    public static final long PLAN_LUNA_LEASH = 4;

    // event.event
    /** 6 seats, 5 taken: one left. */
    public static final long EVENT_PUPPY_CLASS = 1;
    public static final long EVENT_RECALL_WORKSHOP = 2;
    /** No seat limit. */
    public static final long EVENT_OPEN_DAY = 3;
    /** Not published. */
    public static final long EVENT_AGILITY_SEMINAR = 4;

    // product.template / product.product (one variant each, same ids)
    public static final long PRODUCT_CRATE_LARGE = 1;
    public static final long PRODUCT_CRATE_MEDIUM = 2;
    public static final long PRODUCT_EXERCISE_PEN = 3;
    public static final long PRODUCT_PRIVATE_SESSION = 4;
    public static final long PRODUCT_CLASS_PASS = 5;

    // stock.location
    public static final long LOCATION_STOCK = 5;
    public static final long LOCATION_CUSTOMERS = 3;

    // sale.order
    /** Anna's confirmed crate rental (S00001). */
    public static final long ORDER_ANNA_RENTAL = 1;
    /** Ben's quotation for training sessions (S00002). */
    public static final long ORDER_BEN_QUOTATION = 2;

    // account.move
    public static final long INVOICE_ANNA_PAID = 1;
    public static final long INVOICE_BEN_OPEN = 2;
    public static final long INVOICE_ANNA_RENTAL_OPEN = 3;
    public static final long INVOICE_CHLOE_DRAFT = 4;

    private DemoIds() {
    }
}
