package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.binary;
import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.datetime;
import static com.customk9.emulator.model.FieldDef.html;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2many;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;
import static com.customk9.emulator.model.FieldDef.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** base, mail and hr: partners, users, groups, API keys, companies, attachments, messages, employees. */
final class BaseModels {

    private BaseModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef("res.currency", "Currency").order("active desc, name").fields(
                chars("name", "Currency").required(),
                chars("symbol", "Symbol").required(),
                chars("full_name", "Name"),
                bool("active", "Active").defaultValue(true)));

        registry.add(new ModelDef("res.country", "Country").order("name").fields(
                chars("name", "Country Name").required(),
                chars("code", "Country Code")));

        registry.add(new ModelDef("res.company", "Companies").order("sequence, name").fields(
                chars("name", "Company Name").required(),
                many2one("partner_id", "res.partner", "Partner"),
                many2one("currency_id", "res.currency", "Currency").required(),
                integer("sequence", "Sequence").defaultValue(10L),
                chars("email", "Email"),
                chars("phone", "Phone"),
                chars("website", "Website"),
                bool("active", "Active").defaultValue(true)));

        registry.add(partner());
        registry.add(new ModelDef("res.groups", "Access Groups").order("name").fields(
                chars("name", "Name").required(),
                chars("full_name", "Group Name"),
                text("comment", "Comment"),
                bool("share", "Share Group").help("Group created to set access rights for sharing data with some users."),
                many2many("users", "res.users", "Users").computed((records, group) -> {
                    List<Long> users = new ArrayList<>();
                    for (Map<String, Object> user : records.records("res.users")) {
                        Object groups = user.get("groups_id");
                        if (groups instanceof List<?> ids && ids.contains(group.get("id"))) {
                            users.add((Long) user.get("id"));
                        }
                    }
                    return users;
                })));
        registry.add(users());
        registry.add(new ModelDef("res.users.apikeys", "Users API Keys").fields(
                chars("name", "Description").required().readonly(),
                many2one("user_id", "res.users", "User").required().cascade().readonly(),
                chars("scope", "Scope").readonly(),
                datetime("expiration_date", "Expiration Date").readonly()));

        registry.add(new ModelDef("ir.attachment", "Attachment").order("id desc").fields(
                chars("name", "Name").required(),
                text("description", "Description"),
                chars("res_name", "Resource Name").computed((records, attachment) -> {
                    Object model = attachment.get("res_model");
                    Object resId = attachment.get("res_id");
                    if (model instanceof String m && resId instanceof Long id && id != 0
                            && records.record(m, id) != null) {
                        return records.displayName(m, id);
                    }
                    return null;
                }),
                chars("res_model", "Resource Model").readonly(),
                chars("res_field", "Resource Field").readonly(),
                integer("res_id", "Resource ID").readonly(),
                many2one("company_id", "res.company", "Company").defaultValue(1L),
                selection("type", "Type", "url", "URL", "binary", "File").required().defaultValue("binary"),
                chars("url", "Url"),
                bool("public", "Is public document"),
                chars("access_token", "Access Token"),
                binary("datas", "File Content (base64)"),
                integer("file_size", "File Size").computedStored((records, attachment) -> {
                    byte[] content = decoded(attachment.get("datas"));
                    return content == null ? 0L : (long) content.length;
                }),
                chars("checksum", "Checksum/SHA1").computedStored((records, attachment) -> {
                    byte[] content = decoded(attachment.get("datas"));
                    return content == null ? null : sha1(content);
                }),
                chars("mimetype", "Mime Type")));

        registry.add(new ModelDef("mail.message", "Message").order("id desc").recName("record_name").fields(
                chars("subject", "Subject"),
                datetime("date", "Date").defaultValue(context -> DateFormats.datetime(context.now())),
                html("body", "Contents").defaultValue(""),
                many2many("attachment_ids", "ir.attachment", "Attachments"),
                many2one("parent_id", "mail.message", "Parent Message"),
                chars("model", "Related Document Model"),
                integer("res_id", "Related Document ID"),
                chars("record_name", "Message Record Name"),
                selection("message_type", "Type", "email", "Incoming Email", "comment", "Comment", "email_outgoing",
                        "Outgoing Email", "notification", "System notification", "auto_comment",
                        "Automated Targeted Notification", "user_notification", "User Specific Notification")
                        .required().defaultValue("comment"),
                chars("email_from", "From"),
                many2one("author_id", "res.partner", "Author").defaultValue(DefaultContext::userPartnerId),
                many2many("partner_ids", "res.partner", "Recipients")));

        registry.add(new ModelDef("hr.department", "Department").order("name").fields(
                chars("name", "Department Name").required(),
                many2one("manager_id", "hr.employee", "Manager"),
                many2one("parent_id", "hr.department", "Parent Department"),
                bool("active", "Active").defaultValue(true)));
        registry.add(new ModelDef("hr.job", "Job Position").order("sequence").fields(
                chars("name", "Job Position").required(),
                integer("sequence", "Sequence").defaultValue(10L),
                many2one("department_id", "hr.department", "Department")));
        registry.add(new ModelDef("hr.employee", "Employee").order("name").fields(
                chars("name", "Employee Name").required(),
                bool("active", "Active").defaultValue(true),
                many2one("user_id", "res.users", "User"),
                many2one("work_contact_id", "res.partner", "Work Contact"),
                many2one("company_id", "res.company", "Company").required().defaultValue(1L),
                many2one("department_id", "hr.department", "Department"),
                many2one("job_id", "hr.job", "Job Position"),
                chars("job_title", "Job Title"),
                chars("work_email", "Work Email"),
                chars("work_phone", "Work Phone"),
                chars("mobile_phone", "Work Mobile"),
                many2one("parent_id", "hr.employee", "Manager"),
                many2one("coach_id", "hr.employee", "Coach"),
                selection("employee_type", "Employee Type", "employee", "Employee", "student", "Student", "trainee",
                        "Trainee", "contractor", "Contractor", "freelance", "Freelancer")
                        .required().defaultValue("employee"),
                chars("barcode", "Badge ID"),
                chars("pin", "PIN"),
                binary("image_1920", "Image"),
                selection("tz", "Timezone", TIMEZONES).defaultValue("UTC")));
    }

    private static ModelDef partner() {
        return new ModelDef("res.partner", "Contact").order("complete_name asc, id desc")
                .displayName((records, partner) -> partnerName(records, partner))
                .fields(
                        chars("name", "Name"),
                        chars("complete_name", "Complete Name").computedStored(BaseModels::partnerName),
                        many2one("parent_id", "res.partner", "Related Company"),
                        one2many("child_ids", "res.partner", "parent_id", "Contact"),
                        chars("ref", "Reference"),
                        selection("lang", "Language", LANGUAGES).defaultValue("en_US"),
                        selection("tz", "Timezone", TIMEZONES),
                        many2one("user_id", "res.users", "Salesperson"),
                        chars("vat", "Tax ID"),
                        chars("website", "Website Link"),
                        text("comment", "Notes"),
                        bool("active", "Active").defaultValue(true),
                        selection("type", "Address Type", "contact", "Contact", "invoice", "Invoice Address",
                                "delivery", "Delivery Address", "other", "Other Address")
                                .defaultValue("contact"),
                        chars("street", "Street"),
                        chars("street2", "Street2"),
                        chars("zip", "Zip"),
                        chars("city", "City"),
                        many2one("country_id", "res.country", "Country"),
                        chars("email", "Email"),
                        chars("phone", "Phone"),
                        chars("mobile", "Mobile"),
                        chars("function", "Job Position"),
                        bool("is_company", "Is a Company").defaultValue(false),
                        selection("company_type", "Company Type", "person", "Individual", "company", "Company")
                                .computed((records, partner) -> Related.truthy(partner.get("is_company"))
                                        ? "company" : "person"),
                        many2one("company_id", "res.company", "Company"),
                        many2one("commercial_partner_id", "res.partner", "Commercial Entity")
                                .computedStored(BaseModels::commercialPartner),
                        integer("customer_rank", "Customer Rank").defaultValue(0L),
                        integer("supplier_rank", "Supplier Rank").defaultValue(0L),
                        binary("image_1920", "Image"),
                        one2many("user_ids", "res.users", "partner_id", "Users"),
                        one2many("dog_ids", "customk9.dog", "owner_id", "Dogs"))
                .check((records, partner) -> partner.get("name") == null
                        && "contact".equals(partner.get("type")) ? "Contacts require a name" : null);
    }

    private static ModelDef users() {
        return new ModelDef("res.users", "User").order("name, login")
                .inherits("res.partner", "partner_id")
                .displayName((records, user) -> {
                    Object name = records.value("res.users", user, "name");
                    return name == null ? "" : name.toString();
                })
                .fields(
                        many2one("partner_id", "res.partner", "Related Partner").required()
                                .onDelete(FieldDef.OnDelete.RESTRICT),
                        chars("login", "Login").required().help("Used to log into the system"),
                        chars("password", "Password").computed((records, user) -> "")
                                .help("Keep empty if you don't want the user to be able to connect on the system."),
                        bool("active", "Active").defaultValue(true),
                        datetime("login_date", "Latest authentication").readonly(),
                        html("signature", "Email Signature"),
                        many2one("company_id", "res.company", "Company").required().defaultValue(1L),
                        many2many("groups_id", "res.groups", "Groups")
                                .defaultValue(List.of(Groups.INTERNAL_USER)),
                        bool("share", "Share User").computedStored((records, user) -> !hasGroup(user,
                                Groups.INTERNAL_USER)),
                        selection("notification_type", "Notification", "email", "Handle by Emails", "inbox",
                                "Handle in Odoo").required().defaultValue("email"),
                        one2many("api_key_ids", "res.users.apikeys", "user_id", "API Keys"),
                        one2many("employee_ids", "hr.employee", "user_id", "Related employee"))
                .unique("res_users_login_key", "You can not have two users with the same login !", "login")
                .check((records, user) -> hasGroup(user, Groups.INTERNAL_USER)
                        && (hasGroup(user, Groups.PORTAL) || hasGroup(user, Groups.PUBLIC))
                        || hasGroup(user, Groups.PORTAL) && hasGroup(user, Groups.PUBLIC)
                        ? "The user cannot have more than one user types." : null);
    }

    static boolean hasGroup(Map<String, Object> user, long group) {
        return user.get("groups_id") instanceof List<?> groups && groups.contains(group);
    }

    private static String partnerName(RecordAccess records, Map<String, Object> partner) {
        Object name = partner.get("name");
        Object parent = partner.get("parent_id");
        String own = name == null ? "" : name.toString();
        if (parent instanceof Long parentId && !Related.truthy(partner.get("is_company"))) {
            Map<String, Object> parentRecord = records.record("res.partner", parentId);
            if (parentRecord != null) {
                String parentName = partnerName(records, parentRecord);
                return own.isEmpty() ? parentName : parentName + ", " + own;
            }
        }
        return own;
    }

    private static Object commercialPartner(RecordAccess records, Map<String, Object> partner) {
        Map<String, Object> current = partner;
        for (int depth = 0; depth < 50; depth++) {
            if (Related.truthy(current.get("is_company")) || !(current.get("parent_id") instanceof Long parentId)) {
                break;
            }
            Map<String, Object> parent = records.record("res.partner", parentId);
            if (parent == null) {
                break;
            }
            current = parent;
        }
        return current.get("id");
    }

    static byte[] decoded(Object base64) {
        if (!(base64 instanceof String s) || s.isEmpty()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<FieldDef.Choice> LANGUAGES = List.of(
            new FieldDef.Choice("en_US", "English (US)"),
            new FieldDef.Choice("fr_FR", "French / Français"),
            new FieldDef.Choice("de_DE", "German / Deutsch"),
            new FieldDef.Choice("es_ES", "Spanish / Español"));

    static final List<FieldDef.Choice> TIMEZONES = timezones();

    private static List<FieldDef.Choice> timezones() {
        List<FieldDef.Choice> zones = new ArrayList<>();
        for (String zone : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (zone.contains("/") && !zone.startsWith("SystemV/") && !zone.startsWith("Etc/GMT")) {
                zones.add(new FieldDef.Choice(zone, zone));
            }
        }
        zones.add(new FieldDef.Choice("UTC", "UTC"));
        zones.add(new FieldDef.Choice("GMT", "GMT"));
        return List.copyOf(zones);
    }
}
