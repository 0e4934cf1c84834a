package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.date;
import static com.customk9.emulator.model.FieldDef.datetime;
import static com.customk9.emulator.model.FieldDef.floating;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2many;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;

import java.time.Duration;

/** calendar, project and helpdesk: appointments, training projects and tasks, support tickets. */
final class ServiceModels {

    private ServiceModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("calendar.event", "Calendar Event").order("start desc").fields(
                chars("name", "Meeting Subject").required(),
                html("description", "Description"),
                many2one("user_id", "res.users", "Organizer").defaultValue(DefaultContext::uid),
                many2one("partner_id", "res.partner", "Scheduled by")
                        .computedStored(Related.through("calendar.event", "user_id", "res.users", "partner_id")),
                chars("location", "Location"),
                datetime("start", "Start").required(),
                datetime("stop", "Stop").required(),
                bool("allday", "All Day").defaultValue(false),
                date("start_date", "Start Date").computedStored((records, event) -> datePart(event.get("start"))),
                date("stop_date", "End Date").computedStored((records, event) -> datePart(event.get("stop"))),
                floating("duration", "Duration").computedStored((records, event) -> {
                    if (event.get("start") instanceof String start && event.get("stop") instanceof String stop) {
                        Duration length = Duration.between(DateFormats.parseDatetime(start),
                                DateFormats.parseDatetime(stop));
                        return length.toMinutes() / 60.0;
                    }
                    return 0.0;
                }),
                many2many("partner_ids", "res.partner", "Attendees")
                        .defaultValue(context -> context.userPartnerId() == null ? java.util.List.of()
                                : java.util.List.of(context.userPartnerId())),
                selection("privacy", "Privacy", "public", "Public", "private", "Private", "confidential",
                        "Only internal users").defaultValue("public"),
                selection("show_as", "Show as", "free", "Available", "busy", "Busy").required().defaultValue("busy"),
                chars("res_model", "Document Model Name"),
                integer("res_id", "Document ID"),
                bool("active", "Active").defaultValue(true))
                .check((records, event) -> event.get("start") instanceof String start
                        && event.get("stop") instanceof String stop && stop.compareTo(start) < 0
                        ? "The ending date and time cannot be earlier than the starting date and time.\n"
                                + "Meeting “" + event.get("name") + "” starts at " + start + " and ends at " + stop
                        : null));

        registry.add(new ModelDef("project.project", "Project").order("sequence, name, id").fields(
                chars("name", "Name").required(),
                html("description", "Description"),
                bool("active", "Active").defaultValue(true),
                integer("sequence", "Sequence").defaultValue(10L),
                many2one("partner_id", "res.partner", "Customer"),
                many2one("user_id", "res.users", "Project Manager").defaultValue(DefaultContext::uid),
                many2one("company_id", "res.company", "Company").defaultValue(1L),
                date("date_start", "Start Date"),
                date("date", "Expiration Date"),
                selection("privacy_visibility", "Visibility", "followers", "Invited internal users (private)",
                        "employees", "All internal users", "portal", "Invited portal users and all internal users (public)")
                        .required().defaultValue("portal"),
                one2many("task_ids", "project.task", "project_id", "Tasks"),
                integer("task_count", "Task Count").computed((records, project) ->
                        (long) records.referencing("project.task", "project_id", (Long) project.get("id")).size())));

        registry.add(new ModelDef("project.task", "Task").order("priority desc, sequence, id desc").fields(
                chars("name", "Title").required(),
                html("description", "Description"),
                bool("active", "Active").defaultValue(true),
                integer("sequence", "Sequence").defaultValue(10L),
                selection("priority", "Priority", "0", "Low", "1", "High").defaultValue("0"),
                selection("state", "State", "01_in_progress", "In Progress", "02_changes_requested",
                        "Changes Requested", "03_approved", "Approved", "1_done", "Done", "1_canceled", "Canceled",
                        "04_waiting_normal", "Waiting").required().defaultValue("01_in_progress"),
                many2one("project_id", "project.project", "Project"),
                many2one("parent_id", "project.task", "Parent Task"),
                one2many("child_ids", "project.task", "parent_id", "Sub-tasks"),
                many2many("user_ids", "res.users", "Assignees"),
                many2one("partner_id", "res.partner", "Customer"),
                many2one("company_id", "res.company", "Company").defaultValue(1L),
                datetime("date_deadline", "Deadline"),
                datetime("date_end", "Ending Date"),
                floating("allocated_hours", "Allocated Time"),
                many2one("dog_id", "customk9.dog", "Dog"),
                many2one("training_plan_id", "customk9.training.plan", "Training Plan")));

        registry.add(new ModelDef("helpdesk.team", "Helpdesk Team").order("sequence, id").fields(
                chars("name", "Helpdesk Team").required(),
                integer("sequence", "Sequence").defaultValue(10L),
                bool("active", "Active").defaultValue(true),
                chars("alias_email", "Email Alias")));
        registry.add(new ModelDef("helpdesk.stage", "Helpdesk Stage").order("sequence, id").fields(
                chars("name", "Stage Name").required(),
                integer("sequence", "Sequence").defaultValue(10L),
                bool("fold", "Folded in Kanban").defaultValue(false),
                bool("active", "Active").defaultValue(true)));
        registry.add(new ModelDef("helpdesk.ticket", "Helpdesk Ticket").order("priority desc, id desc")
                .displayName((records, ticket) -> ticket.get("name") + " (#" + ticket.get("id") + ")")
                .fields(
                        chars("name", "Subject").required(),
                        many2one("team_id", "helpdesk.team", "Helpdesk Team"),
                        html("description", "Description"),
                        bool("active", "Active").defaultValue(true),
                        chars("ticket_ref", "Ticket IDs Sequence").computedStored((records, ticket) ->
                                String.valueOf(ticket.get("id"))),
                        many2one("user_id", "res.users", "Assigned to"),
                        many2one("partner_id", "res.partner", "Customer"),
                        chars("partner_name", "Customer Name"),
                        chars("partner_email", "Customer Email"),
                        chars("partner_phone", "Customer Phone"),
                        selection("priority", "Priority", "0", "Low priority", "1", "Medium priority", "2",
                                "High priority", "3", "Urgent").defaultValue("0"),
                        many2one("stage_id", "helpdesk.stage", "Stage").defaultValue(1L),
                        datetime("close_date", "Close date"),
                        // helpdesk_sale / helpdesk_stock: "Product this ticket is about"
                        many2one("product_id", "product.product", "Product"),
                        many2one("dog_id", "customk9.dog", "Dog")));
    }

    private static Object datePart(Object datetime) {
        return datetime instanceof String s ? s.substring(0, 10) : null;
    }
}
