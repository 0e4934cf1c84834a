package com.customk9.odoo.client.support;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.record.OdooRecord;

import io.smallrye.mutiny.Uni;

/**
 * A tiny service endpoint over the client, so tests can see what a caller of a service gets when
 * Odoo fails: the platform's error envelope, mapped from the client's typed errors.
 */
@Path("/probe/dogs")
public class OdooProbeResource {

    private final OdooClient odoo;

    public OdooProbeResource(OdooClient odoo) {
        this.odoo = odoo;
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> dog(@PathParam("id") long id) {
        return odoo.read("customk9.dog", List.of(id), List.of("name")).map(dogs -> dogs.get(0).asMap());
    }

    @POST
    @Path("{id}/weight/{kg}")
    public Uni<Map<String, Object>> weigh(@PathParam("id") long id, @PathParam("kg") double kg) {
        return odoo.write("customk9.dog", List.of(id), Map.of("weight", kg))
                .chain(() -> odoo.get("customk9.dog", id, "weight")).map(OdooRecord::asMap);
    }
}
