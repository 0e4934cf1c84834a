package com.customk9.emulator.model;

/**
 * The res.groups ids the access rules and demo data rely on. The demo data creates the groups in this
 * order, so the ids are stable (as XML ids are in a real Odoo).
 */
public final class Groups {

    /** base.group_user: employees, may use every business model. */
    public static final long INTERNAL_USER = 1;
    /** base.group_erp_manager: may create and modify users. */
    public static final long ACCESS_RIGHTS = 2;
    /** base.group_system: Settings, the administrators. */
    public static final long SETTINGS = 3;
    /** base.group_no_one. */
    public static final long TECHNICAL_FEATURES = 4;
    /** sales_team.group_sale_salesman. */
    public static final long SALES_USER = 5;
    /** sales_team.group_sale_manager, shown as "Administrator" (category Sales). */
    public static final long SALES_ADMINISTRATOR = 6;
    /** event.group_event_manager, also "Administrator" (category Events) in Odoo; named apart here. */
    public static final long EVENTS_ADMINISTRATOR = 7;
    /** project.group_project_manager. */
    public static final long PROJECT_ADMINISTRATOR = 8;
    /** base.group_portal: clients, read their own documents only. */
    public static final long PORTAL = 9;
    /** base.group_public: the anonymous website visitor. */
    public static final long PUBLIC = 10;

    /** customk9.group_trainer: the trainers (internal users who coach dogs). */
    public static final long TRAINER = 11;

    private Groups() {
    }
}
