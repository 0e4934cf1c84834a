package com.customk9.attendance.person;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.face.FaceTemplates;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    private final Persons persons;
    private final FaceTemplates faces;
    private final Times times;

    public PersonResource(Persons persons, FaceTemplates faces, Times times) {
        this.persons = persons;
        this.faces = faces;
        this.times = times;
    }

    @GET
    @RequiresPermission(Permissions.PERSON_READ)
    public Uni<Envelope<Map<String, Object>>> list(
            @QueryParam("status") @DefaultValue("active") @Pattern(regexp = "active|inactive|deleted",
                    message = "must be active, inactive or deleted") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return persons.list(status, limit, offset).map(page -> Envelope.of(Json.object(
                "persons", page.persons().stream().map(this::json).toList(), "total", page.total())));
    }

    @GET
    @Path("/{personId}")
    @RequiresPermission(Permissions.PERSON_READ)
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("personId") String personId) {
        return persons.get(personId).map(person -> Envelope.of(json(person)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.PERSON_WRITE)
    public Uni<Response> create(@Valid @NotNull PersonRequest request) {
        return persons.create(request)
                .map(person -> Response.status(201).entity(Envelope.of("Person created", json(person))).build());
    }

    @PUT
    @Path("/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.PERSON_WRITE)
    public Uni<Envelope<Map<String, Object>>> update(@PathParam("personId") String personId,
            @Valid @NotNull PersonRequest request) {
        return persons.update(personId, request).map(person -> Envelope.of("Person updated", json(person)));
    }

    @DELETE
    @Path("/{personId}")
    @RequiresPermission(Permissions.PERSON_WRITE)
    public Uni<Envelope<Map<String, Object>>> delete(@PathParam("personId") String personId) {
        return persons.delete(personId).invoke(person -> faces.forget(personId))
                .map(person -> Envelope.of("Person deleted", json(person)));
    }

    Map<String, Object> json(Person person) {
        return Json.object("person_id", person.personId(), "name", person.name(), "email", person.email(),
                "department", person.department(), "position", person.position(), "status", person.status(),
                "created_at", times.dateOf(person.createdAt()).toString(), "metadata", person.metadata());
    }
}
