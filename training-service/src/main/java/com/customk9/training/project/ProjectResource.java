package com.customk9.training.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.platform.error.ApiException;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** My training projects and their tasks (read-only: trainers run them in Odoo). */
@Path("/api/projects")
@Tag(name = "Projects")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private static final String TASK_STATES = "in_progress|changes_requested|approved|waiting|done|canceled";

    private final ProjectService projects;
    private final Caller caller;

    public ProjectResource(ProjectService projects, Caller caller) {
        this.projects = projects;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My projects (a trainer's: also those they manage or work on), filtered and sorted")
    public Uni<Page<Project>> list(
            @QueryParam("status") @DefaultValue("active") @Parameter(description = "upcoming, ongoing, ended, "
                    + "archived, active (not archived) or all")
            @Pattern(regexp = ProjectStatus.PATTERN, message = "must be one of upcoming, ongoing, ended, archived, "
                    + "active, all") String status,
            @QueryParam("client") @Parameter(description = "A client's partner id (staff; a client's own scope always "
                    + "applies, so another client's id finds nothing)") String client,
            @QueryParam("sort") @DefaultValue("name") @Parameter(description = "name, date_start or date_end; a leading "
                    + "- for descending")
            @Pattern(regexp = ProjectSort.PATTERN, message = "must be one of name, date_start, date_end, optionally "
                    + "preceded by -") String sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return projects.list(caller, ProjectStatus.parse(status), client == null ? null : positiveId("client", client),
                ProjectSort.parse(sort), limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my projects with its tasks (404 for anyone else's)")
    public Uni<Project> get(@PathParam("id") long id) {
        return projects.get(caller, id);
    }

    @GET
    @Path("/{id}/tasks")
    @Operation(summary = "The tasks of one of my projects, a page at a time")
    public Uni<Page<Task>> tasks(@PathParam("id") long id,
            @QueryParam("state") @Parameter(description = "in_progress, changes_requested, approved, waiting, done or "
                    + "canceled")
            @Pattern(regexp = TASK_STATES, message = "must be one of in_progress, changes_requested, approved, waiting, "
                    + "done, canceled") String state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return projects.tasks(caller, id, state, limit, offset);
    }

    private static long positiveId(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(field, "must be a positive integer");
    }
}
