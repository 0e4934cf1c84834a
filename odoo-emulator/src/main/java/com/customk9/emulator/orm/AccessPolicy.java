package com.customk9.emulator.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.customk9.emulator.model.Groups;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.orm.Domain.Node;

/**
 * Who may do what, in the spirit of Odoo's {@code ir.model.access} and {@code ir.rule}, kept small:
 * <ul>
 * <li>the superuser (uid 1) bypasses everything;</li>
 * <li>internal users may read, create, write and delete every business model; managing users and groups needs
 * Access Rights or Settings; companies, currencies and countries need Settings; API keys are created only
 * through {@link Orm.Users#createApiKey}, read and revoked by their owner (or Settings);</li>
 * <li>portal users (clients) may read their own documents only: their partner, their dogs and what hangs off
 * them, their appointments, orders, invoices, tickets, registrations, plus published events and blog posts
 * and the catalogue; they may write nothing but their own preferences on res.users;</li>
 * <li>public users read published content only.</li>
 * </ul>
 * Searches silently leave out records a rule hides; reading, writing or deleting them raises AccessError.
 */
final class AccessPolicy {

    enum Operation {
        READ("read", "access"), WRITE("write", "modify"), CREATE("create", "create"), UNLINK("unlink", "delete");

        private final String odooName;
        private final String verb;

        Operation(String odooName, String verb) {
            this.odooName = odooName;
            this.verb = verb;
        }

        String odooName() {
            return odooName;
        }
    }

    enum UserKind { SUPERUSER, INTERNAL, PORTAL, PUBLIC }

    /** The res.users fields a user may change on their own record (Odoo's SELF_WRITEABLE_FIELDS). */
    static final Set<String> SELF_WRITEABLE_FIELDS = Set.of("signature", "action_id", "company_id", "email", "name",
            "image_1920", "lang", "tz", "notification_type", "phone", "mobile");

    private static final Set<String> USER_ADMINISTRATION = Set.of("res.users", "res.groups");
    private static final Set<String> SETTINGS_ONLY = Set.of("res.company", "res.currency", "res.country");

    private static final Set<String> PORTAL_READABLE = Set.of("res.partner", "res.users", "res.company",
            "res.currency", "res.country", "customk9.dog", "customk9.training.plan", "customk9.training.exercise",
            "customk9.progress.note", "calendar.event", "project.project", "project.task", "helpdesk.ticket",
            "helpdesk.stage", "helpdesk.team", "event.event", "event.type", "event.registration",
            "product.template", "product.product", "product.category", "sale.order", "sale.order.line",
            "account.move", "account.move.line", "blog.blog", "blog.post", "blog.tag", "ir.attachment",
            "mail.message");

    private static final Set<String> PUBLIC_READABLE = Set.of("event.event", "event.type", "blog.blog",
            "blog.post", "blog.tag", "res.company", "res.currency", "res.country", "product.template",
            "product.product", "product.category");

    UserKind kind(RecordValues values, long uid) {
        if (uid == Environment.SUPERUSER_ID) {
            return UserKind.SUPERUSER;
        }
        Map<String, Object> user = values.record("res.users", uid);
        if (user == null) {
            return UserKind.PUBLIC;
        }
        if (hasGroup(user, Groups.INTERNAL_USER)) {
            return UserKind.INTERNAL;
        }
        return hasGroup(user, Groups.PORTAL) ? UserKind.PORTAL : UserKind.PUBLIC;
    }

    static boolean hasGroup(Map<String, Object> user, long group) {
        return user != null && user.get("groups_id") instanceof List<?> groups && groups.contains(group);
    }

    /** Model-level access ({@code ir.model.access}); throws Odoo's AccessError when refused. */
    void checkModel(RecordValues values, long uid, ModelDef model, Operation operation) {
        UserKind kind = kind(values, uid);
        if (kind == UserKind.SUPERUSER) {
            return;
        }
        Map<String, Object> user = values.record("res.users", uid);
        String name = model.name();
        List<String> allowedGroups;
        if (kind == UserKind.INTERNAL) {
            if (name.equals("res.users.apikeys")
                    && (operation == Operation.CREATE || operation == Operation.WRITE)) {
                allowedGroups = List.of();
            } else if (USER_ADMINISTRATION.contains(name) && operation != Operation.READ
                    && !hasGroup(user, Groups.ACCESS_RIGHTS) && !hasGroup(user, Groups.SETTINGS)) {
                allowedGroups = List.of("Administration/Access Rights");
            } else if (SETTINGS_ONLY.contains(name) && operation != Operation.READ
                    && !hasGroup(user, Groups.SETTINGS)) {
                allowedGroups = List.of("Administration/Settings");
            } else {
                return;
            }
        } else if (operation == Operation.READ && (kind == UserKind.PORTAL ? PORTAL_READABLE : PUBLIC_READABLE)
                .contains(name)) {
            return;
        } else {
            allowedGroups = List.of("User types/Internal User");
        }
        throw modelError(model, operation, allowedGroups);
    }

    private static OdooException.AccessError modelError(ModelDef model, Operation operation, List<String> groups) {
        String heading = "You are not allowed to " + operation.verb + " '" + model.description() + "' ("
                + model.name() + ") records.";
        String groupsPart = groups.isEmpty() ? "No group currently allows this operation."
                : "This operation is allowed for the following groups:\n"
                        + groups.stream().map(group -> "\t- " + group).collect(Collectors.joining("\n"));
        return new OdooException.AccessError(heading + "\n\n" + groupsPart
                + "\n\nContact your administrator to request access if necessary.");
    }

    /**
     * The record rule for this user, model and operation as a domain, or {@code null} when every record is
     * allowed. Attachments and messages follow the document they belong to: see {@link #followsDocument}.
     */
    Node rule(RecordValues values, long uid, ModelDef model, Operation operation) {
        UserKind kind = kind(values, uid);
        if (kind == UserKind.SUPERUSER) {
            return null;
        }
        Map<String, Object> user = values.record("res.users", uid);
        if (kind == UserKind.INTERNAL) {
            if (model.name().equals("res.users.apikeys") && !hasGroup(user, Groups.SETTINGS)) {
                return Domain.parse(List.of(List.of("user_id", "=", uid)));
            }
            return null;
        }
        Long partner = user == null ? null : (Long) user.get("partner_id");
        Object commercial = partner == null ? null
                : values.value("res.partner", values.record("res.partner", partner), "commercial_partner_id");
        List<Object> ownPartners = new ArrayList<>();
        if (commercial != null) {
            ownPartners.add(commercial);
        }
        List<Object> domain = switch (model.name()) {
            case "res.partner" -> List.of("|", List.of("id", "child_of", ownPartners), List.of("id", "=", partner));
            case "res.users" -> List.of(List.of("id", "=", uid));
            case "customk9.dog" -> List.of(List.of("owner_id", "child_of", ownPartners));
            case "customk9.training.plan", "customk9.progress.note" ->
                    List.of(List.of("dog_id.owner_id", "child_of", ownPartners));
            case "customk9.training.exercise" -> List.of(List.of("plan_id.dog_id.owner_id", "child_of", ownPartners));
            case "calendar.event" -> List.of(List.of("partner_ids", "in", partner == null ? List.of() : List.of(partner)));
            case "project.project", "helpdesk.ticket", "event.registration", "sale.order" ->
                    List.of(List.of("partner_id", "child_of", ownPartners));
            case "project.task" -> List.of("|", List.of("partner_id", "child_of", ownPartners),
                    List.of("project_id.partner_id", "child_of", ownPartners));
            case "sale.order.line" -> List.of(List.of("order_id.partner_id", "child_of", ownPartners));
            case "account.move" -> List.of(List.of("partner_id", "child_of", ownPartners),
                    List.of("move_type", "in", List.of("out_invoice", "out_refund", "out_receipt")));
            case "account.move.line" -> List.of(List.of("move_id.partner_id", "child_of", ownPartners),
                    List.of("move_id.move_type", "in", List.of("out_invoice", "out_refund", "out_receipt")));
            case "event.event" -> List.of(List.of("is_published", "=", true));
            case "blog.post" -> List.of(List.of("is_published", "=", true));
            default -> null;
        };
        return domain == null ? null : Domain.parse(domain);
    }

    /** ir.attachment and mail.message: portal and public users see them when they see the document. */
    static boolean followsDocument(ModelDef model) {
        return model.name().equals("ir.attachment") || model.name().equals("mail.message");
    }

    /** The name of the rule, for the AccessError message. */
    static String ruleName(ModelDef model, UserKind kind) {
        return (kind == UserKind.PORTAL ? "Portal" : kind == UserKind.PUBLIC ? "Public" : "Internal") + " "
                + model.description() + " access";
    }
}
