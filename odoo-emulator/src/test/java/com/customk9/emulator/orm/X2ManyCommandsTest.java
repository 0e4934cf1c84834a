package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.quarkus.test.junit.QuarkusTest;

/** Odoo's x2many commands on a one2many (plan exercises, partner contacts) and a many2many (blog post tags). */
@QuarkusTest
class X2ManyCommandsTest {

    @Inject
    Orm orm;

    private long plan;
    private long post;
    private long tagA;
    private long tagB;
    private long tagC;

    @BeforeEach
    void records() {
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Commands", "owner_id", DemoIds.DAVID_PARTNER));
        plan = orm.create(ADMIN_UID, "customk9.training.plan", Map.of("name", "Commands plan", "dog_id", dog));
        String suffix = String.valueOf(System.nanoTime());
        tagA = orm.create(ADMIN_UID, "blog.tag", Map.of("name", "a-" + suffix));
        tagB = orm.create(ADMIN_UID, "blog.tag", Map.of("name", "b-" + suffix));
        tagC = orm.create(ADMIN_UID, "blog.tag", Map.of("name", "c-" + suffix));
        post = orm.create(ADMIN_UID, "blog.post", Map.of("name", "Commands post", "blog_id", 1));
    }

    @SuppressWarnings("unchecked")
    private List<Object> exercises() {
        return (List<Object>) orm.read(ADMIN_UID, "customk9.training.plan", List.of(plan), List.of("exercise_ids")).get(0)
                .get("exercise_ids");
    }

    @SuppressWarnings("unchecked")
    private List<Object> tags() {
        return (List<Object>) orm.read(ADMIN_UID, "blog.post", List.of(post), List.of("tag_ids")).get(0).get("tag_ids");
    }

    private void writePlan(Object commands) {
        orm.write(ADMIN_UID, "customk9.training.plan", List.of(plan), Map.of("exercise_ids", commands));
    }

    private void writeTags(Object commands) {
        orm.write(ADMIN_UID, "blog.post", List.of(post), Map.of("tag_ids", commands));
    }

    private boolean exists(String model, long id) {
        return !orm.search(ADMIN_UID, model, List.of(List.of("id", "=", id)), 0, null, null,
                Map.of("active_test", false)).isEmpty();
    }

    private static List<Object> command(Object... parts) {
        return new ArrayList<>(Arrays.asList(parts));
    }

    @Test
    void createCommandCreatesLinkedRecordsInTheComodelsOrder() {
        writePlan(List.of(command(0, 0, Map.of("name", "Second", "sequence", 20)),
                command(0, 0, Map.of("name", "First", "sequence", 5))));
        List<?> ids = exercises();
        assertThat(ids).hasSize(2);
        assertThat(orm.read(ADMIN_UID, "customk9.training.exercise", List.of((Long) ids.get(0)), List.of("name",
                "plan_id")).get(0)).containsEntry("name", "First").containsEntry("plan_id", List.of(plan, "Commands plan"));
        writeTags(List.of(command(0, 0, Map.of("name", "new-tag-" + System.nanoTime()))));
        assertThat(tags()).hasSize(1);
    }

    @Test
    void updateCommandWritesTheLinkedRecord() {
        writePlan(List.of(command(0, 0, Map.of("name", "Old name"))));
        long exercise = (Long) exercises().get(0);
        writePlan(List.of(command(1, exercise, Map.of("name", "New name", "completed", true))));
        assertThat(orm.read(ADMIN_UID, "customk9.training.exercise", List.of(exercise), List.of("name", "completed"))
                .get(0)).containsEntry("name", "New name").containsEntry("completed", true);
        assertThat(orm.read(ADMIN_UID, "customk9.training.plan", List.of(plan), List.of("progress")).get(0))
                .containsEntry("progress", 100.0);
    }

    @Test
    void deleteCommandDeletesTheRecord() {
        writePlan(List.of(command(0, 0, Map.of("name", "Doomed"))));
        long exercise = (Long) exercises().get(0);
        writePlan(List.of(command(2, exercise, 0)));
        assertThat(exercises()).isEmpty();
        assertThat(exists("customk9.training.exercise", exercise)).isFalse();
        writeTags(List.of(command(4, tagA)));
        writeTags(List.of(command(2, tagA)));
        assertThat(tags()).isEmpty();
        assertThat(exists("blog.tag", tagA)).isFalse();
    }

    @Test
    void unlinkCommandDeletesCascadingLinesAndDetachesOthers() {
        writePlan(List.of(command(0, 0, Map.of("name", "Cascading"))));
        long exercise = (Long) exercises().get(0);
        writePlan(List.of(command(3, exercise)));
        assertThat(exists("customk9.training.exercise", exercise)).isFalse();

        long company = orm.create(ADMIN_UID, "res.partner", Map.of("name", "Unlink Co", "is_company", true,
                "child_ids", List.of(command(0, 0, Map.of("name", "Contact")))));
        long contact = (Long) ((List<?>) orm.read(ADMIN_UID, "res.partner", List.of(company), List.of("child_ids"))
                .get(0).get("child_ids")).get(0);
        orm.write(ADMIN_UID, "res.partner", List.of(company), Map.of("child_ids", List.of(command(3, contact))));
        assertThat(orm.read(ADMIN_UID, "res.partner", List.of(contact), List.of("parent_id")).get(0))
                .containsEntry("parent_id", false);

        writeTags(List.of(command(4, tagA), command(4, tagB)));
        writeTags(List.of(command(3, tagA)));
        assertThat(tags()).containsExactly(tagB);
        assertThat(exists("blog.tag", tagA)).isTrue();
    }

    @Test
    void linkCommandAddsAnExistingRecord() {
        writeTags(List.of(command(4, tagB), command(4, tagA), command(4, tagB)));
        assertThat(tags()).containsExactly(tagA, tagB);
        long other = orm.create(ADMIN_UID, "customk9.training.plan", Map.of("name", "Other", "dog_id", DemoIds.DOG_LUNA,
                "exercise_ids", List.of(command(0, 0, Map.of("name", "Moving")))));
        long moving = (Long) ((List<?>) orm.read(ADMIN_UID, "customk9.training.plan", List.of(other),
                List.of("exercise_ids")).get(0).get("exercise_ids")).get(0);
        writePlan(List.of(command(4, moving)));
        assertThat(exercises()).containsExactly(moving);
    }

    @Test
    void clearCommandRemovesEveryLink() {
        writeTags(List.of(command(6, 0, List.of(tagA, tagB))));
        writeTags(List.of(command(5)));
        assertThat(tags()).isEmpty();
        writePlan(List.of(command(0, 0, Map.of("name", "One")), command(0, 0, Map.of("name", "Two"))));
        writePlan(List.of(command(5, 0, 0)));
        assertThat(exercises()).isEmpty();
    }

    @Test
    void setCommandReplacesTheLinks() {
        writeTags(List.of(command(6, 0, List.of(tagA, tagB))));
        writeTags(List.of(command(6, 0, List.of(tagC, tagA))));
        assertThat(tags()).containsExactlyInAnyOrder(tagA, tagC);
        writePlan(List.of(command(0, 0, Map.of("name", "Keep")), command(0, 0, Map.of("name", "Drop"))));
        List<Object> both = exercises();
        writePlan(List.of(command(6, 0, List.of(both.get(0)))));
        assertThat(exercises()).containsExactly(both.get(0));
        assertThat(exists("customk9.training.exercise", (Long) both.get(1))).isFalse();
    }

    @Test
    void aPlainIdListSetsAndFalseClears() {
        writeTags(List.of(tagA, tagC));
        assertThat(tags()).containsExactlyInAnyOrder(tagA, tagC);
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("tag_ids", false);
        orm.write(ADMIN_UID, "blog.post", List.of(post), clear);
        assertThat(tags()).isEmpty();
    }

    @Test
    void rejectsMalformedCommands() {
        for (Object bad : List.of(List.of(command(7, 0, 0)), List.of(command(0, 0, "vals")), "tags",
                List.of(command(4)), List.of(command("4", tagA)), List.of(command(1, tagA)))) {
            assertThatThrownBy(() -> writeTags(bad)).as(String.valueOf(bad))
                    .isInstanceOf(OdooException.ValueError.class).hasMessageStartingWith("Wrong value for blog.post.tag_ids");
        }
    }

    @Test
    void rejectsLinksToMissingRecords() {
        assertThatThrownBy(() -> writeTags(List.of(command(4, 999_999))))
                .isInstanceOf(OdooException.ValidationError.class)
                .hasMessageContaining("Constraint: blog_post_blog_tag_rel_blog_tag_id_fkey");
        assertThatThrownBy(() -> writeTags(List.of(command(6, 0, List.of(tagA, 999_999)))))
                .isInstanceOf(OdooException.ValidationError.class);
        assertThatThrownBy(() -> writePlan(List.of(command(4, 999_999))))
                .isInstanceOf(OdooException.MissingError.class);
        assertThat(tags()).isEmpty();
    }
}
