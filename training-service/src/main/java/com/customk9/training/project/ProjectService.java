package com.customk9.training.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.batch.RelatedRecords;
import com.customk9.odoo.client.batch.Relation;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;

import io.smallrye.mutiny.Uni;

/**
 * Training projects in Odoo (project.project and their project.task), read-only, as the integration
 * user inside the caller's scope: a client's own projects ({@code partner_id} = their partner); a
 * trainer's also the projects they manage or have tasks in. Anything else is a 404.
 */
@ApplicationScoped
public class ProjectService {

    static final String MODEL = "project.project";
    static final String TASK_MODEL = "project.task";
    private static final Relation ASSIGNEES = Relation.of("user_ids", "res.users", "name");

    private final OdooClient odoo;
    private final Clock clock;

    public ProjectService(OdooClient odoo, Clock clock) {
        this.odoo = odoo;
        this.clock = clock;
    }

    /** Which projects the caller may see. */
    public static Domain scope(Caller caller) {
        Domain own = Domain.where("partner_id", "=", caller.partnerId());
        return caller.isStaff()
                ? Domain.anyOf(own, Domain.where("user_id", "=", caller.userId()),
                        Domain.where("task_ids.user_ids", "in", List.of(caller.userId())))
                : own;
    }

    /** A page of the caller's projects with {@code status}, of one client when {@code clientId} is set. */
    public Uni<Page<Project>> list(Caller caller, ProjectStatus status, Long clientId, ProjectSort sort, int limit,
            int offset) {
        LocalDate today = today();
        Domain domain = scope(caller).and(status.domain(today));
        if (clientId != null) {
            domain = domain.and("partner_id", "=", clientId);
        }
        Domain query = domain;
        return Uni.combine().all().unis(
                odoo.searchRead(MODEL, SearchQuery.where(query).fields(Project.FIELDS).orderBy(sort.order())
                        .limit(limit).offset(offset)),
                odoo.searchCount(MODEL, query))
                .asTuple()
                .map(found -> new Page<>(found.getItem1().stream().map(record -> Project.of(record, today)).toList(),
                        found.getItem2(), limit, offset));
    }

    /**
     * One project with its tasks: the project (in scope) and its tasks are read together, the tasks'
     * assignees with one more read for all of them.
     */
    public Uni<Project> get(Caller caller, long id) {
        LocalDate today = today();
        Uni<List<OdooRecord>> project = odoo.searchRead(MODEL, SearchQuery.where(visible(caller, id))
                .fields(Project.FIELDS).limit(1));
        Uni<List<OdooRecord>> tasks = odoo.searchRead(TASK_MODEL, SearchQuery.where(Domain.where("project_id", "=", id))
                .fields(Task.FIELDS));
        return Uni.combine().all().unis(project, tasks).asTuple().chain(found -> {
            if (found.getItem1().isEmpty()) {
                return Uni.createFrom().failure(ApiException.notFound("project", id));
            }
            return withAssignees(found.getItem2())
                    .map(list -> Project.of(found.getItem1().get(0), today, list));
        });
    }

    /** A page of one of the caller's projects' tasks, in Odoo's order (priority, sequence), optionally in one state. */
    public Uni<Page<Task>> tasks(Caller caller, long projectId, String state, int limit, int offset) {
        Domain domain = Domain.where("project_id", "=", projectId);
        if (state != null) {
            domain = domain.and("state", "=", Task.odooState(state));
        }
        Domain query = domain;
        return Uni.combine().all().unis(
                odoo.searchCount(MODEL, visible(caller, projectId)),
                odoo.searchRead(TASK_MODEL, SearchQuery.where(query).fields(Task.FIELDS).limit(limit).offset(offset)),
                odoo.searchCount(TASK_MODEL, query))
                .asTuple()
                .chain(found -> {
                    if (found.getItem1() == 0) {
                        return Uni.createFrom().failure(ApiException.notFound("project", projectId));
                    }
                    return withAssignees(found.getItem2())
                            .map(list -> new Page<>(list, found.getItem3(), limit, offset));
                });
    }

    /** The project if the caller may see it, archived or not. */
    private static Domain visible(Caller caller, long id) {
        return Domain.where("id", "=", id).and(scope(caller)).and("active", "in", List.of(true, false));
    }

    private Uni<List<Task>> withAssignees(List<OdooRecord> tasks) {
        return RelatedRecords.resolve(odoo, tasks, ASSIGNEES)
                .map(users -> tasks.stream().map(task -> Task.of(task, users)).toList());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
