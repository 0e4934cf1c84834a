package com.customk9.emulator.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.DateFormats;
import com.customk9.emulator.model.Groups;

/**
 * The demo business loaded into an empty store: the company and its administrator (Odoo's "Mitchell Admin",
 * login admin/admin), the integration user, two trainers, four clients with dogs, training plans, exercises and
 * progress notes, appointments, classes and events with seat limits, rentable crates in stock, a rental order,
 * invoices, a blog, a support ticket and a training project. No randomness: the ids are those of {@link DemoIds};
 * upcoming dates are relative to the day it is loaded.
 */
public final class DemoData {

    /** Demo passwords (local runs only). */
    public static final String ADMIN_PASSWORD = "admin";
    public static final String TRAINER_PASSWORD = "trainer";
    public static final String CLIENT_PASSWORD = "client";

    public static final String ADMIN_LOGIN = "admin";
    public static final String INTEGRATION_LOGIN = "integration@customk9.example";
    public static final String SARAH_LOGIN = "sarah.trainer@customk9.example";
    public static final String MARCUS_LOGIN = "marcus.trainer@customk9.example";
    public static final String ANNA_LOGIN = "anna.client@customk9.example";
    public static final String BEN_LOGIN = "ben.client@customk9.example";
    public static final String CHLOE_LOGIN = "chloe.client@customk9.example";
    public static final String DAVID_LOGIN = "david.client@customk9.example";

    private final SeedWriter writer;
    private final LocalDate today;

    private DemoData(SeedWriter writer) {
        this.writer = writer;
        this.today = writer.now().toLocalDate();
    }

    public static void load(SeedWriter writer, String integrationApiKey) {
        new DemoData(writer).load(integrationApiKey);
    }

    private void load(String integrationApiKey) {
        company();
        groups();
        partners();
        users(integrationApiKey);
        employees();
        dogsAndPlans();
        appointments();
        projectsAndTickets();
        events();
        rentals();
        invoices();
        blog();
        documentsAndMessages();
    }

    private void company() {
        create("res.currency", "name", "EUR", "symbol", "€", "full_name", "Euro");
        create("res.currency", "name", "USD", "symbol", "$", "full_name", "United States dollar");
        create("res.country", "name", "United States", "code", "US");
        create("res.country", "name", "Canada", "code", "CA");
        create("res.partner", "name", "CustomK9", "is_company", true, "email", "info@customk9.example",
                "phone", "+1 555-0100", "street", "12 Kennel Lane", "city", "Springfield", "zip", "62701",
                "country_id", 1, "website", "https://customk9.example");
        create("res.company", "name", "CustomK9", "partner_id", 1, "currency_id", 2, "email", "info@customk9.example",
                "phone", "+1 555-0100", "website", "https://customk9.example");
        writer.write("res.partner", 1, vals("company_id", 1));
    }

    private void groups() {
        group("Internal User", "User types / Internal User", false);
        group("Access Rights", "Administration / Access Rights", false);
        group("Settings", "Administration / Settings", false);
        group("Technical Features", "Technical / Technical Features", false);
        group("User: Own Documents Only", "Sales / User: Own Documents Only", false);
        group("Administrator", "Sales / Administrator", false);
        group("Administrator", "Events / Administrator", false);
        group("Administrator", "Project / Administrator", false);
        group("Portal", "User types / Portal", true);
        group("Public", "User types / Public", true);
        group("Trainer", "CustomK9 / Trainer", false);
    }

    private void group(String name, String fullName, boolean share) {
        create("res.groups", "name", name, "full_name", fullName, "share", share);
    }

    private void partners() {
        create("res.partner", "name", "OdooBot", "email", "odoobot@customk9.example", "active", false);
        create("res.partner", "name", "Mitchell Admin", "email", "admin@yourcompany.example.com",
                "phone", "+1 555-0101", "tz", "America/New_York", "company_id", 1);
        create("res.partner", "name", "CustomK9 Integration", "email", DemoData.INTEGRATION_LOGIN, "company_id", 1);
        create("res.partner", "name", "Sarah Trainer", "email", SARAH_LOGIN, "phone", "+1 555-0111",
                "function", "Head Trainer", "tz", "America/New_York", "company_id", 1);
        create("res.partner", "name", "Marcus Trainer", "email", MARCUS_LOGIN, "phone", "+1 555-0112",
                "function", "Agility Trainer", "tz", "America/New_York", "company_id", 1);
        client("Anna Client", ANNA_LOGIN, "+1 555-0121", "4 Birch Street");
        client("Ben Client", BEN_LOGIN, "+1 555-0122", "18 Oak Avenue");
        client("Chloe Client", CHLOE_LOGIN, "+1 555-0123", "7 Maple Court");
        client("David Client", DAVID_LOGIN, "+1 555-0124", "90 Pine Road");
        create("res.partner", "name", "Emma Visitor", "email", "emma.visitor@example.com", "phone", "+1 555-0131");
        create("res.partner", "name", "Paws Park Training Grounds", "is_company", true, "street", "1 Meadow Way",
                "city", "Springfield", "zip", "62704", "country_id", 1);
    }

    private void client(String name, String email, String phone, String street) {
        create("res.partner", "name", name, "email", email, "phone", phone, "street", street, "city", "Springfield",
                "zip", "62702", "country_id", 1, "customer_rank", 1, "tz", "America/New_York", "lang", "en_US");
    }

    private void users(String integrationApiKey) {
        create("res.users", "login", "__system__", "partner_id", DemoIds.ODOOBOT_PARTNER, "active", false,
                "groups_id", set(Groups.INTERNAL_USER, Groups.ACCESS_RIGHTS, Groups.SETTINGS));
        create("res.users", "login", ADMIN_LOGIN, "partner_id", DemoIds.ADMIN_PARTNER, "password", ADMIN_PASSWORD,
                "groups_id", set(Groups.INTERNAL_USER, Groups.ACCESS_RIGHTS, Groups.SETTINGS,
                        Groups.TECHNICAL_FEATURES, Groups.SALES_ADMINISTRATOR, Groups.EVENTS_ADMINISTRATOR,
                        Groups.PROJECT_ADMINISTRATOR));
        create("res.users", "login", INTEGRATION_LOGIN, "partner_id", DemoIds.INTEGRATION_PARTNER,
                "groups_id", set(Groups.INTERNAL_USER, Groups.ACCESS_RIGHTS, Groups.SALES_USER));
        writer.installApiKey(DemoIds.INTEGRATION_UID, "CustomK9 services", integrationApiKey);
        create("res.users", "login", SARAH_LOGIN, "partner_id", DemoIds.SARAH_PARTNER, "password", TRAINER_PASSWORD,
                "groups_id", set(Groups.INTERNAL_USER, Groups.SALES_USER, Groups.TRAINER));
        create("res.users", "login", MARCUS_LOGIN, "partner_id", DemoIds.MARCUS_PARTNER, "password", TRAINER_PASSWORD,
                "groups_id", set(Groups.INTERNAL_USER, Groups.SALES_USER, Groups.TRAINER));
        for (long partner = DemoIds.ANNA_PARTNER; partner <= DemoIds.DAVID_PARTNER; partner++) {
            String login = List.of(ANNA_LOGIN, BEN_LOGIN, CHLOE_LOGIN, DAVID_LOGIN).get((int) (partner - DemoIds.ANNA_PARTNER));
            create("res.users", "login", login, "partner_id", partner, "password", CLIENT_PASSWORD,
                    "groups_id", set(Groups.PORTAL));
        }
    }

    private void employees() {
        create("hr.department", "name", "Training");
        create("hr.job", "name", "Dog Trainer", "department_id", 1);
        create("hr.employee", "name", "Sarah Trainer", "user_id", DemoIds.SARAH_TRAINER_UID, "work_contact_id",
                DemoIds.SARAH_PARTNER, "department_id", 1, "job_id", 1, "job_title", "Head Trainer",
                "work_email", SARAH_LOGIN, "work_phone", "+1 555-0111", "barcode", "CK9-0001", "pin", "1111",
                "tz", "America/New_York");
        create("hr.employee", "name", "Marcus Trainer", "user_id", DemoIds.MARCUS_TRAINER_UID, "work_contact_id",
                DemoIds.MARCUS_PARTNER, "department_id", 1, "job_id", 1, "job_title", "Agility Trainer",
                "work_email", MARCUS_LOGIN, "work_phone", "+1 555-0112", "barcode", "CK9-0002", "pin", "2222",
                "parent_id", 1, "tz", "America/New_York");
        create("hr.employee", "name", "Mitchell Admin", "user_id", DemoIds.ADMIN_UID, "work_contact_id",
                DemoIds.ADMIN_PARTNER, "job_title", "Owner", "work_email", "admin@yourcompany.example.com");
    }

    private void dogsAndPlans() {
        create("customk9.dog", "name", "Rex", "breed", "German Shepherd", "birth_date", "2021-04-12", "age", 4,
                "gender", "male", "weight", 34.5, "owner_id", DemoIds.ANNA_PARTNER,
                "trainer_id", DemoIds.SARAH_TRAINER_UID, "training_level", "intermediate",
                "notes", "Friendly with other dogs; pulls on the leash.");
        create("customk9.dog", "name", "Bella", "breed", "Labrador Retriever", "birth_date", "2024-01-20", "age", 1,
                "gender", "female", "weight", 22.0, "owner_id", DemoIds.ANNA_PARTNER,
                "trainer_id", DemoIds.SARAH_TRAINER_UID, "training_level", "beginner",
                "notes", "Very food motivated.");
        create("customk9.dog", "name", "Max", "breed", "Border Collie", "birth_date", "2020-09-03", "age", 5,
                "gender", "male", "weight", 19.8, "owner_id", DemoIds.BEN_PARTNER,
                "trainer_id", DemoIds.MARCUS_TRAINER_UID, "training_level", "advanced",
                "notes", "Competes in agility.");
        create("customk9.dog", "name", "Luna", "breed", "Beagle", "birth_date", "2023-06-15", "age", 2,
                "gender", "female", "weight", 11.2, "owner_id", DemoIds.CHLOE_PARTNER,
                "trainer_id", DemoIds.MARCUS_TRAINER_UID, "training_level", "beginner");
        create("customk9.dog", "name", "Buddy", "breed", "Golden Retriever", "birth_date", "2012-02-01", "age", 13,
                "gender", "male", "weight", 30.0, "owner_id", DemoIds.BEN_PARTNER, "training_level", "advanced",
                "active", false, "notes", "Retired.");

        create("customk9.training.plan", "name", "Basic Obedience", "dog_id", DemoIds.DOG_REX,
                "trainer_id", DemoIds.SARAH_TRAINER_UID, "start_date", day(-21), "end_date", day(35),
                "objectives", "Reliable sit, down, stay and loose-leash walking.", "state", "active",
                "exercise_ids", List.of(
                        exercise("Sit on command", "Sit within two seconds of the cue.", true, day(-18)),
                        exercise("Down-stay", "Hold a down for one minute with distractions.", true, day(-10)),
                        exercise("Loose-leash walking", "Walk 100 m without pulling.", false, null),
                        exercise("Recall from play", "Come when called away from other dogs.", false, null)));
        create("customk9.training.plan", "name", "Puppy Foundations", "dog_id", DemoIds.DOG_BELLA,
                "trainer_id", DemoIds.SARAH_TRAINER_UID, "start_date", day(-7), "end_date", day(49),
                "objectives", "Name recognition, crate comfort, gentle mouth.", "state", "active",
                "exercise_ids", List.of(
                        exercise("Name game", "Eye contact on hearing her name.", true, day(-3)),
                        exercise("Crate comfort", "Rest calmly in the crate for ten minutes.", false, null),
                        exercise("Gentle mouth", "Take treats softly.", false, null)));
        create("customk9.training.plan", "name", "Agility Level 2", "dog_id", DemoIds.DOG_MAX,
                "trainer_id", DemoIds.MARCUS_TRAINER_UID, "start_date", day(-60), "end_date", day(-5),
                "objectives", "Weave poles, contacts and a clean 15-obstacle course.", "state", "done",
                "exercise_ids", List.of(
                        exercise("Weave poles", "Twelve poles, entry from either side.", true, day(-40)),
                        exercise("Contact zones", "Two-on two-off on the A-frame.", true, day(-25)),
                        exercise("Full course", "Clean run under 45 seconds.", true, day(-6))));
        create("customk9.training.plan", "name", "Leash Manners", "dog_id", DemoIds.DOG_LUNA,
                "trainer_id", DemoIds.MARCUS_TRAINER_UID, "start_date", day(7), "end_date", day(37),
                "objectives", "Calm walking past other dogs.", "state", "draft",
                "exercise_ids", List.of(
                        exercise("Focus on handler", "Look at the handler on cue.", false, null),
                        exercise("Pass a neutral dog", "Walk past at five metres without lunging.", false, null)));

        note(DemoIds.DOG_REX, DemoIds.PLAN_REX_OBEDIENCE, DemoIds.SARAH_TRAINER_UID, day(-18),
                "Excellent progress with the sit command.", 5);
        note(DemoIds.DOG_REX, DemoIds.PLAN_REX_OBEDIENCE, DemoIds.SARAH_TRAINER_UID, day(-10),
                "Down-stay solid indoors; needs work outside.", 4);
        note(DemoIds.DOG_REX, DemoIds.PLAN_REX_OBEDIENCE, DemoIds.SARAH_TRAINER_UID, day(-3),
                "Still pulls when he sees squirrels.", 3);
        note(DemoIds.DOG_BELLA, DemoIds.PLAN_BELLA_PUPPY, DemoIds.SARAH_TRAINER_UID, day(-3),
                "Responds to her name nine times out of ten.", 4);
        note(DemoIds.DOG_MAX, DemoIds.PLAN_MAX_AGILITY, DemoIds.MARCUS_TRAINER_UID, day(-6),
                "Clean course in 41 seconds. Plan completed.", 5);
    }

    private List<Object> exercise(String name, String description, boolean completed, String completionDate) {
        return List.of(0, 0, vals("name", name, "description", description, "completed", completed,
                "completion_date", completionDate == null ? false : completionDate, "duration_minutes", 15));
    }

    private void note(long dog, long plan, long trainer, String date, String text, int rating) {
        create("customk9.progress.note", "dog_id", dog, "plan_id", plan, "trainer_id", trainer, "date", date,
                "note", text, "rating", rating);
    }

    private void appointments() {
        create("calendar.event", "name", "Training session: Rex", "start", at(2, 14, 0), "stop", at(2, 15, 0),
                "user_id", DemoIds.SARAH_TRAINER_UID, "partner_ids", set(DemoIds.ANNA_PARTNER, DemoIds.SARAH_PARTNER),
                "location", "Paws Park Training Grounds", "description", "<p>Loose-leash walking around distractions.</p>",
                "res_model", "customk9.dog", "res_id", DemoIds.DOG_REX);
        create("calendar.event", "name", "Agility session: Max", "start", at(3, 16, 0), "stop", at(3, 17, 30),
                "user_id", DemoIds.MARCUS_TRAINER_UID, "partner_ids", set(DemoIds.BEN_PARTNER, DemoIds.MARCUS_PARTNER),
                "location", "Paws Park Training Grounds", "res_model", "customk9.dog", "res_id", DemoIds.DOG_MAX);
        create("calendar.event", "name", "Puppy session: Bella", "start", at(-5, 10, 0), "stop", at(-5, 11, 0),
                "user_id", DemoIds.SARAH_TRAINER_UID, "partner_ids", set(DemoIds.ANNA_PARTNER, DemoIds.SARAH_PARTNER),
                "res_model", "customk9.dog", "res_id", DemoIds.DOG_BELLA);
        create("calendar.event", "name", "Assessment: Luna", "start", at(9, 9, 0), "stop", at(9, 10, 0),
                "user_id", DemoIds.MARCUS_TRAINER_UID, "partner_ids", set(DemoIds.CHLOE_PARTNER, DemoIds.MARCUS_PARTNER),
                "res_model", "customk9.dog", "res_id", DemoIds.DOG_LUNA);
    }

    private void projectsAndTickets() {
        create("project.project", "name", "Rex: obedience programme", "partner_id", DemoIds.ANNA_PARTNER,
                "user_id", DemoIds.SARAH_TRAINER_UID, "date_start", day(-21), "date", day(35));
        create("project.project", "name", "Max: agility programme", "partner_id", DemoIds.BEN_PARTNER,
                "user_id", DemoIds.MARCUS_TRAINER_UID, "date_start", day(-60), "date", day(-5));
        create("project.task", "name", "Assess leash reactivity", "project_id", 1, "partner_id", DemoIds.ANNA_PARTNER,
                "user_ids", set(DemoIds.SARAH_TRAINER_UID), "dog_id", DemoIds.DOG_REX,
                "training_plan_id", DemoIds.PLAN_REX_OBEDIENCE, "state", "1_done", "date_deadline", at(-14, 17, 0));
        create("project.task", "name", "Home visit: distraction training", "project_id", 1,
                "partner_id", DemoIds.ANNA_PARTNER, "user_ids", set(DemoIds.SARAH_TRAINER_UID),
                "dog_id", DemoIds.DOG_REX, "priority", "1", "date_deadline", at(6, 17, 0));
        create("project.task", "name", "Competition entry paperwork", "project_id", 2, "partner_id", DemoIds.BEN_PARTNER,
                "user_ids", set(DemoIds.MARCUS_TRAINER_UID), "dog_id", DemoIds.DOG_MAX, "state", "1_done");

        create("helpdesk.team", "name", "Client Support", "alias_email", "support@customk9.example");
        create("helpdesk.stage", "name", "New", "sequence", 1);
        create("helpdesk.stage", "name", "In Progress", "sequence", 2);
        create("helpdesk.stage", "name", "Solved", "sequence", 3, "fold", true);
        create("helpdesk.stage", "name", "Cancelled", "sequence", 4, "fold", true);
        create("helpdesk.ticket", "name", "When can I pick up the rented crate?", "team_id", 1,
                "partner_id", DemoIds.ANNA_PARTNER, "priority", "1", "stage_id", 1,
                "description", "<p>Can I collect it the evening before?</p>");
        create("helpdesk.ticket", "name", "Reschedule agility session", "team_id", 1, "partner_id", DemoIds.BEN_PARTNER,
                "user_id", DemoIds.MARCUS_TRAINER_UID, "stage_id", 2, "dog_id", DemoIds.DOG_MAX);
    }

    private void events() {
        create("event.type", "name", "Group Class", "has_seats_limitation", true, "seats_max", 8);
        create("event.type", "name", "Workshop", "has_seats_limitation", true, "seats_max", 12);
        create("event.type", "name", "Open Day");
        create("event.event", "name", "Puppy Socialisation Class", "event_type_id", 1, "date_begin", at(7, 9, 0),
                "date_end", at(7, 11, 0), "date_tz", "America/New_York", "seats_limited", true, "seats_max", 6,
                "address_id", DemoIds.VENUE_PARTNER, "is_published", true,
                "description", "<p>Safe play and confidence building for puppies up to six months.</p>");
        create("event.event", "name", "Recall Masterclass", "event_type_id", 2, "date_begin", at(14, 13, 0),
                "date_end", at(14, 17, 0), "date_tz", "America/New_York", "seats_limited", true, "seats_max", 12,
                "address_id", DemoIds.VENUE_PARTNER, "is_published", true,
                "description", "<p>Build a recall that works at the park.</p>");
        create("event.event", "name", "CustomK9 Open Day", "event_type_id", 3, "date_begin", at(21, 10, 0),
                "date_end", at(21, 16, 0), "date_tz", "America/New_York", "address_id", DemoIds.VENUE_PARTNER,
                "is_published", true, "description", "<p>Meet the trainers, try a free mini-lesson.</p>");
        create("event.event", "name", "Advanced Agility Seminar", "event_type_id", 2, "date_begin", at(45, 9, 0),
                "date_end", at(46, 17, 0), "date_tz", "America/New_York", "seats_limited", true, "seats_max", 10,
                "address_id", DemoIds.VENUE_PARTNER, "is_published", false);
        for (long partner : new long[] {DemoIds.ANNA_PARTNER, DemoIds.BEN_PARTNER, DemoIds.CHLOE_PARTNER,
                DemoIds.DAVID_PARTNER, DemoIds.EMMA_VISITOR_PARTNER}) {
            create("event.registration", "event_id", DemoIds.EVENT_PUPPY_CLASS, "partner_id", partner);
        }
        create("event.registration", "event_id", DemoIds.EVENT_RECALL_WORKSHOP, "partner_id", DemoIds.ANNA_PARTNER,
                "dog_id", DemoIds.DOG_REX);
        create("event.registration", "event_id", DemoIds.EVENT_RECALL_WORKSHOP, "partner_id", DemoIds.BEN_PARTNER,
                "dog_id", DemoIds.DOG_MAX);
        create("event.registration", "event_id", DemoIds.EVENT_RECALL_WORKSHOP, "partner_id", DemoIds.CHLOE_PARTNER,
                "state", "cancel");
        create("event.registration", "event_id", DemoIds.EVENT_OPEN_DAY, "partner_id", DemoIds.DAVID_PARTNER);
        create("event.registration", "event_id", DemoIds.EVENT_OPEN_DAY, "name", "Walk-in guest",
                "email", "guest@example.com");
    }

    private void rentals() {
        create("product.category", "name", "All");
        create("product.category", "name", "Rental", "parent_id", 1);
        create("product.category", "name", "Services", "parent_id", 1);
        create("product.template", "name", "Wire Dog Crate (Large)", "default_code", "CRATE-L", "type", "product",
                "categ_id", 2, "list_price", 25.0, "standard_price", 90.0, "rent_ok", true, "sale_ok", true,
                "description_sale", "Foldable wire crate, 107 cm, for dogs up to 45 kg. Price per day.");
        create("product.template", "name", "Plastic Travel Crate (Medium)", "default_code", "CRATE-M",
                "type", "product", "categ_id", 2, "list_price", 15.0, "standard_price", 60.0, "rent_ok", true,
                "description_sale", "Airline-style crate, 81 cm. Price per day.");
        create("product.template", "name", "Exercise Pen", "default_code", "PEN-8", "type", "product", "categ_id", 2,
                "list_price", 10.0, "standard_price", 45.0, "rent_ok", true,
                "description_sale", "Eight-panel exercise pen. Price per day.");
        create("product.template", "name", "Private Training Session", "default_code", "TRAIN-1", "type", "service",
                "categ_id", 3, "list_price", 95.0, "purchase_ok", false);
        create("product.template", "name", "Group Class Pass (5 classes)", "default_code", "CLASS-5",
                "type", "service", "categ_id", 3, "list_price", 150.0, "purchase_ok", false);

        create("stock.location", "name", "Physical Locations", "usage", "view");
        create("stock.location", "name", "Partners", "usage", "view");
        create("stock.location", "name", "Customers", "usage", "customer", "location_id", 2);
        create("stock.location", "name", "WH", "usage", "view", "location_id", 1);
        create("stock.location", "name", "Stock", "usage", "internal", "location_id", 4);
        create("stock.quant", "product_id", DemoIds.PRODUCT_CRATE_LARGE, "location_id", DemoIds.LOCATION_STOCK,
                "quantity", 4.0);
        create("stock.quant", "product_id", DemoIds.PRODUCT_CRATE_MEDIUM, "location_id", DemoIds.LOCATION_STOCK,
                "quantity", 6.0);
        create("stock.quant", "product_id", DemoIds.PRODUCT_EXERCISE_PEN, "location_id", DemoIds.LOCATION_STOCK,
                "quantity", 2.0);

        long rental = create("sale.order", "partner_id", DemoIds.ANNA_PARTNER, "user_id", DemoIds.ADMIN_UID,
                "date_order", at(-2, 15, 30), "is_rental_order", true, "rental_start_date", at(1, 9, 0),
                "rental_return_date", at(8, 9, 0), "order_line", List.of(List.of(0, 0, vals(
                        "product_id", DemoIds.PRODUCT_CRATE_LARGE, "product_uom_qty", 1.0, "price_unit", 175.0,
                        "is_rental", true, "name", "Wire Dog Crate (Large)\n7 days"))));
        writer.write("sale.order", rental, vals("state", "sale"));
        create("sale.order", "partner_id", DemoIds.BEN_PARTNER, "user_id", DemoIds.SARAH_TRAINER_UID,
                "date_order", at(-1, 11, 0), "validity_date", day(29), "order_line", List.of(
                        List.of(0, 0, vals("product_id", DemoIds.PRODUCT_PRIVATE_SESSION, "product_uom_qty", 4.0)),
                        List.of(0, 0, vals("product_id", DemoIds.PRODUCT_CLASS_PASS, "product_uom_qty", 1.0,
                                "discount", 10.0))));
    }

    private void invoices() {
        create("account.move", "move_type", "out_invoice", "partner_id", DemoIds.ANNA_PARTNER,
                "invoice_date", day(-30), "invoice_date_due", day(-16), "date", day(-30), "state", "posted",
                "payment_state", "paid", "invoice_line_ids", List.of(List.of(0, 0, vals(
                        "product_id", DemoIds.PRODUCT_PRIVATE_SESSION, "quantity", 2.0,
                        "name", "Private Training Session - Rex"))));
        create("account.move", "move_type", "out_invoice", "partner_id", DemoIds.BEN_PARTNER,
                "invoice_date", day(-10), "invoice_date_due", day(4), "date", day(-10), "state", "posted",
                "invoice_line_ids", List.of(List.of(0, 0, vals("product_id", DemoIds.PRODUCT_CLASS_PASS,
                        "quantity", 1.0))));
        create("account.move", "move_type", "out_invoice", "partner_id", DemoIds.ANNA_PARTNER,
                "invoice_date", day(-1), "invoice_date_due", day(13), "date", day(-1), "state", "posted",
                "invoice_origin", "S00001", "invoice_line_ids", List.of(List.of(0, 0, vals(
                        "product_id", DemoIds.PRODUCT_CRATE_LARGE, "quantity", 1.0, "price_unit", 175.0,
                        "name", "Wire Dog Crate (Large) - 7 days rental"))));
        create("account.move", "move_type", "out_invoice", "partner_id", DemoIds.CHLOE_PARTNER,
                "invoice_line_ids", List.of(List.of(0, 0, vals("product_id", DemoIds.PRODUCT_PRIVATE_SESSION,
                        "quantity", 1.0))));
    }

    private void blog() {
        create("blog.blog", "name", "Training Tips", "subtitle", "Practical advice from our trainers");
        create("blog.blog", "name", "CustomK9 News", "subtitle", "Events and announcements");
        for (String tag : List.of("obedience", "puppies", "agility", "events")) {
            create("blog.tag", "name", tag);
        }
        post(1, "Five Rules for a Reliable Recall", "Make coming back the best thing in your dog's day.",
                set(1), true, -20, "reliable recall, dog training, obedience");
        post(1, "Crate Training Your Puppy", "A crate can be a safe den, not a cage.", set(2), true, -12,
                "crate training, puppy, dog crate rental");
        post(1, "Agility for Beginners", "Weave poles, tunnels and a lot of fun.", set(3), true, -4,
                "dog agility, beginners");
        post(2, "Open Day Announced", "Meet the trainers and try a free mini-lesson.", set(4), true, -1,
                "open day, events");
        post(1, "Winter Walks (draft)", "Keeping paws safe on salted pavements.", set(1), false, 0, null);
    }

    private void post(long blog, String name, String teaser, List<Object> tags, boolean published, int daysAgo,
            String keywords) {
        Map<String, Object> values = vals("blog_id", blog, "name", name, "subtitle", teaser, "tag_ids", tags,
                "author_id", DemoIds.SARAH_PARTNER, "is_published", published,
                "content", "<p>" + teaser + "</p><p>Practise in short sessions and always end on a win.</p>",
                "website_meta_title", name + " | CustomK9", "website_meta_description", teaser,
                "visits", published ? (long) (100 - 3 * Math.abs(daysAgo)) : 0L);
        if (published) {
            values.put("published_date", at(daysAgo, 8, 0));
        }
        if (keywords != null) {
            values.put("website_meta_keywords", keywords);
        }
        writer.create("blog.post", values);
    }

    private void documentsAndMessages() {
        create("ir.attachment", "name", "rex-vaccination-record.pdf", "res_model", "customk9.dog",
                "res_id", DemoIds.DOG_REX, "mimetype", "application/pdf",
                "datas", Base64.getEncoder().encodeToString("%PDF-1.4\n% Rex: vaccinations up to date\n".getBytes()));
        create("ir.attachment", "name", "obedience-homework.pdf", "res_model", "customk9.training.plan",
                "res_id", DemoIds.PLAN_REX_OBEDIENCE, "mimetype", "application/pdf",
                "datas", Base64.getEncoder().encodeToString("%PDF-1.4\n% Homework: 5 minutes twice a day\n".getBytes()));
        create("ir.attachment", "name", "max-agility-certificate.pdf", "res_model", "customk9.dog",
                "res_id", DemoIds.DOG_MAX, "mimetype", "application/pdf",
                "datas", Base64.getEncoder().encodeToString("%PDF-1.4\n% Agility Level 2 certificate\n".getBytes()));
        create("mail.message", "model", "customk9.dog", "res_id", DemoIds.DOG_REX, "message_type", "comment",
                "author_id", DemoIds.SARAH_PARTNER, "body", "<p>Rex did great today: three clean recalls.</p>",
                "record_name", "Rex", "date", at(-3, 17, 0));
        create("mail.message", "model", "helpdesk.ticket", "res_id", 1, "message_type", "comment",
                "author_id", DemoIds.ANNA_PARTNER, "subject", "Crate pickup", "record_name",
                "When can I pick up the rented crate?", "body", "<p>Can I collect it the evening before?</p>",
                "date", at(-1, 19, 30));
    }

    private long create(String model, Object... keysAndValues) {
        return writer.create(model, vals(keysAndValues));
    }

    private static Map<String, Object> vals(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static List<Object> set(long... ids) {
        List<Object> idList = new ArrayList<>();
        for (long id : ids) {
            idList.add(id);
        }
        return List.of(List.of(6, 0, idList));
    }

    private String day(int offset) {
        return DateFormats.date(today.plusDays(offset));
    }

    private String at(int dayOffset, int hour, int minute) {
        return DateFormats.datetime(LocalDateTime.of(today.plusDays(dayOffset), java.time.LocalTime.of(hour, minute)));
    }
}
