package com.customk9.training.project;

import static com.customk9.training.support.Clients.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.OdooClient;
import com.customk9.training.support.Clients;
import com.customk9.training.support.Clients.Client;
import com.customk9.training.support.Emulator;
import com.customk9.training.support.TestTokens;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectResourceTest {

    private static final long MARCUS_UID = 5;
    private static final long MARCUS_PARTNER = 6;

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void aClientSeesOnlyTheirOwnProjects() {
        String anna = TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER);
        as(anna).get("/api/projects").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.name", contains("Rex: obedience programme"))
                .body("items[0].status", equalTo("ongoing"))
                .body("items[0].client.id", equalTo((int) Clients.ANNA_PARTNER))
                .body("items[0].manager.name", equalTo("Sarah Trainer"))
                .body("items[0].task_count", equalTo(2))
                .body("items[0]", not(hasKey("tasks")))
                .body("total", equalTo(1));
        as(TestTokens.client(Clients.BEN_UID, Clients.BEN_PARTNER)).queryParam("status", "ended").get("/api/projects")
                .then().statusCode(200).body("items.name", contains("Max: agility programme"));
        Clients.newClient().request().get("/api/projects").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void oneProjectComesWithItsTasksAndTheirAssignees() {
        as(TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER)).get("/api/projects/1").then().statusCode(200)
                .body("name", equalTo("Rex: obedience programme"))
                .body("tasks.name", contains("Home visit: distraction training", "Assess leash reactivity"))
                .body("tasks[0].priority", equalTo("high"))
                .body("tasks[0].state", equalTo("in_progress"))
                .body("tasks[1].state", equalTo("done"))
                .body("tasks[1].assignees.name", contains("Sarah Trainer"))
                .body("tasks[1].dog.name", equalTo("Rex"))
                .body("tasks[1].training_plan.id", equalTo(1))
                .body("tasks[1].deadline", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void readsAProjectTasksAndAssigneesInOneBatchEach() {
        Client client = Clients.newClient();
        long project = project(client, "Batch", null, null, true);
        for (int i = 0; i < 4; i++) {
            odoo().create("project.task", Map.of("name", "Task " + i, "project_id", project,
                    "user_ids", List.of(Clients.SARAH_UID, MARCUS_UID))).await().atMost(Duration.ofSeconds(10));
        }
        Emulator.clearStats();

        client.request().get("/api/projects/" + project).then().statusCode(200)
                .body("tasks.size()", equalTo(4))
                .body("tasks[0].assignees.name", containsInAnyOrder("Sarah Trainer", "Marcus Trainer"));

        assertThat(Emulator.calls("jsonrpc", "project.task", "search_read")).isEqualTo(1);
        // the assignees' names may still be cached from an earlier run: at most one read
        assertThat(Emulator.calls("jsonrpc", "res.users", "search_read")).isLessThanOrEqualTo(1);
    }

    @Test
    void tasksComeAPageAtATimeAndByState() {
        String anna = TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER);
        as(anna).queryParam("limit", 1).get("/api/projects/1/tasks").then().statusCode(200)
                .body("items.name", contains("Home visit: distraction training")).body("total", equalTo(2));
        as(anna).queryParam("limit", 1).queryParam("offset", 1).get("/api/projects/1/tasks").then()
                .body("items.name", contains("Assess leash reactivity"));
        as(anna).queryParam("state", "done").get("/api/projects/1/tasks").then().statusCode(200)
                .body("items.name", contains("Assess leash reactivity")).body("total", equalTo(1));
    }

    @Test
    void anotherClientsProjectIsNotFound() {
        String anna = TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER);
        as(anna).get("/api/projects/2").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(anna).get("/api/projects/2/tasks").then().statusCode(404);
        as(anna).get("/api/projects/999999").then().statusCode(404);
        Client stranger = Clients.newClient();
        stranger.request().get("/api/projects/1").then().statusCode(404);
        stranger.request().get("/api/projects/1/tasks").then().statusCode(404);
    }

    @Test
    void theClientFilterNeverWidensAClientsScope() {
        String anna = TestTokens.client(Clients.ANNA_UID, Clients.ANNA_PARTNER);
        as(anna).queryParam("client", Clients.BEN_PARTNER).get("/api/projects").then().statusCode(200)
                .body("total", equalTo(0));
        as(anna).queryParam("client", Clients.ANNA_PARTNER).get("/api/projects").then().body("total", equalTo(1));
    }

    @Test
    void aTrainerSeesTheProjectsTheyManageOrWorkOnAndFiltersByClient() {
        String sarah = TestTokens.trainer(Clients.SARAH_UID, Clients.SARAH_PARTNER);
        as(sarah).queryParam("client", Clients.ANNA_PARTNER).get("/api/projects").then().statusCode(200)
                .body("items.name", contains("Rex: obedience programme"));
        as(sarah).queryParam("client", Clients.BEN_PARTNER).get("/api/projects").then().body("total", equalTo(0));
        as(sarah).get("/api/projects/2").then().statusCode(404);

        String marcus = TestTokens.trainer(MARCUS_UID, MARCUS_PARTNER);
        as(marcus).queryParam("client", Clients.BEN_PARTNER).queryParam("status", "all").get("/api/projects").then()
                .body("items.name", contains("Max: agility programme"));

        Client client = Clients.newClient();
        long project = project(client, "Assigned work", null, null, true);
        as(marcus).get("/api/projects/" + project).then().statusCode(404);
        odoo().create("project.task", Map.of("name", "Help out", "project_id", project, "user_ids", List.of(MARCUS_UID)))
                .await().atMost(Duration.ofSeconds(10));
        // what Odoo's webhook for the task does in production: a project's cached queries show its tasks' assignees
        odoo().invalidateModel("project.project").await().atMost(Duration.ofSeconds(10));
        as(marcus).get("/api/projects/" + project).then().statusCode(200).body("tasks.name", contains("Help out"));
    }

    @Test
    void filtersByStatusFromActiveAndDates() {
        Client client = Clients.newClient();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        project(client, "Upcoming", today.plusDays(3), today.plusDays(30), true);
        project(client, "Ongoing", today.minusDays(3), today.plusDays(30), true);
        project(client, "Open-ended", null, null, true);
        project(client, "Ended", today.minusDays(30), today.minusDays(1), true);
        project(client, "Archived", today.minusDays(30), today.plusDays(30), false);

        client.request().get("/api/projects").then().statusCode(200)
                .body("items.name", contains("Ended", "Ongoing", "Open-ended", "Upcoming"));
        client.request().queryParam("status", "upcoming").get("/api/projects").then()
                .body("items.name", contains("Upcoming")).body("items[0].status", equalTo("upcoming"));
        client.request().queryParam("status", "ongoing").get("/api/projects").then()
                .body("items.name", contains("Ongoing", "Open-ended")).body("items.status", contains("ongoing", "ongoing"));
        client.request().queryParam("status", "ended").get("/api/projects").then()
                .body("items.name", contains("Ended")).body("items[0].status", equalTo("ended"));
        client.request().queryParam("status", "archived").get("/api/projects").then()
                .body("items.name", contains("Archived")).body("items[0].status", equalTo("archived"))
                .body("items[0].active", equalTo(false));
        client.request().queryParam("status", "all").get("/api/projects").then().body("total", equalTo(5));
    }

    @Test
    void sortsByWhitelistedFieldsAndPages() {
        Client client = Clients.newClient();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        project(client, "Bravo", today.minusDays(10), today.plusDays(5), true);
        project(client, "Alpha", today.minusDays(5), today.plusDays(50), true);
        project(client, "Charlie", today.minusDays(20), today.plusDays(20), true);

        client.request().queryParam("sort", "name").get("/api/projects").then()
                .body("items.name", contains("Alpha", "Bravo", "Charlie"));
        client.request().queryParam("sort", "-name").get("/api/projects").then()
                .body("items.name", contains("Charlie", "Bravo", "Alpha"));
        client.request().queryParam("sort", "date_start").get("/api/projects").then()
                .body("items.name", contains("Charlie", "Bravo", "Alpha"));
        client.request().queryParam("sort", "-date_start").get("/api/projects").then()
                .body("items.name", contains("Alpha", "Bravo", "Charlie"));
        client.request().queryParam("sort", "-date_end").get("/api/projects").then()
                .body("items.name", contains("Alpha", "Charlie", "Bravo"))
                .body("items[0].date_end", equalTo(today.plusDays(50).toString()));
        client.request().queryParam("sort", "name").queryParam("limit", 2).queryParam("offset", 1).get("/api/projects")
                .then().body("items.name", contains("Bravo", "Charlie")).body("total", equalTo(3))
                .body("limit", equalTo(2)).body("offset", equalTo(1));
    }

    @Test
    void validatesFiltersFieldByField() {
        Client client = Clients.newClient();
        client.request().queryParam("status", "paused").get("/api/projects").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("status"));
        client.request().queryParam("sort", "partner_id.password").get("/api/projects").then().statusCode(400)
                .body("error.details", hasKey("sort"));
        client.request().queryParam("sort", "name desc").get("/api/projects").then().statusCode(400);
        client.request().queryParam("client", "anna").get("/api/projects").then().statusCode(400)
                .body("error.details", hasKey("client"));
        client.request().queryParam("limit", 0).get("/api/projects").then().statusCode(400);
        client.request().queryParam("state", "finished").get("/api/projects/1/tasks").then().statusCode(400)
                .body("error.details", hasKey("state"));
        client.request().get("/api/projects/abc").then().statusCode(400);
    }

    @Test
    void needsAValidToken() {
        given().get("/api/projects").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aReadOdooCannotAnswerIs502() {
        Client client = Clients.newClient();
        Emulator.outage("close");

        client.request().get("/api/projects").then().statusCode(502).body("error.code", equalTo("ODOO_CONNECTION_ERROR"));
    }

    @Test
    void datesAndEmptyFieldsComeAsJson() {
        Client client = Clients.newClient();
        long project = project(client, "Bare", null, null, true);
        client.request().get("/api/projects/" + project).then().statusCode(200)
                .body("date_start", nullValue()).body("date_end", nullValue()).body("description", nullValue())
                .body("tasks.size()", equalTo(0)).body("status", equalTo("ongoing"))
                .body("client.id", equalTo((int) client.partnerId()));
        client.request().get("/api/projects").then().body("items.name", hasItem("Bare"));
    }

    private static long project(Client client, String name, LocalDate start, LocalDate end, boolean active) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("partner_id", client.partnerId());
        values.put("active", active);
        if (start != null) {
            values.put("date_start", start.toString());
        }
        if (end != null) {
            values.put("date", end.toString());
        }
        return odoo().create("project.project", values).await().atMost(Duration.ofSeconds(10));
    }

    private static OdooClient odoo() {
        return Arc.container().instance(OdooClient.class).get();
    }
}
