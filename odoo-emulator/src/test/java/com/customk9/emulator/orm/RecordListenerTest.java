package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecordListenerTest {

    record Heard(Orm.RecordListener.Action action, String model, long id, Map<String, Object> values) {
    }

    private static final List<Heard> HEARD = new CopyOnWriteArrayList<>();
    private static boolean registered;

    @Inject
    Orm orm;

    @BeforeEach
    void listen() {
        if (!registered) {
            orm.addListener((action, model, id, values) -> HEARD.add(new Heard(action, model, id, values)));
            registered = true;
        }
        HEARD.clear();
    }

    private List<Heard> heardFor(String model) {
        return HEARD.stream().filter(heard -> heard.model().equals(model)).toList();
    }

    @Test
    void listenersHearCreateWriteAndUnlinkWithTheValuesReadReturns() {
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Heard", "owner_id", DemoIds.ANNA_PARTNER));
        orm.write(ADMIN_UID, "customk9.dog", List.of(dog), Map.of("breed", "Poodle"));
        orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog));
        List<Heard> heard = heardFor("customk9.dog");
        assertThat(heard).extracting(Heard::action).containsExactly(Orm.RecordListener.Action.CREATE,
                Orm.RecordListener.Action.WRITE, Orm.RecordListener.Action.UNLINK);
        assertThat(heard.get(0).values()).containsEntry("name", "Heard")
                .containsEntry("owner_id", List.of(DemoIds.ANNA_PARTNER, "Anna Client")).containsEntry("breed", false);
        assertThat(heard.get(1).values()).containsEntry("breed", "Poodle");
        assertThat(heard.get(2).values()).containsEntry("id", dog).containsEntry("breed", "Poodle");
    }

    @Test
    void recordsCreatedThroughCommandsAreHeardToo() {
        long plan = orm.create(ADMIN_UID, "customk9.training.plan", Map.of("name", "Heard plan",
                "dog_id", DemoIds.DOG_LUNA, "exercise_ids", List.of(List.of(0, 0, Map.of("name", "A")),
                        List.of(0, 0, Map.of("name", "B")))));
        assertThat(heardFor("customk9.training.plan")).extracting(Heard::id).containsExactly(plan);
        assertThat(heardFor("customk9.training.exercise")).hasSize(2)
                .allSatisfy(heard -> assertThat(heard.action()).isEqualTo(Orm.RecordListener.Action.CREATE));
    }

    @Test
    void failedCallsAreNotHeard() {
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Unheard")))
                .isInstanceOf(OdooException.ValidationError.class);
        assertThat(HEARD).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotUndoTheChange() {
        orm.addListener((action, model, id, values) -> {
            if ("Explosive".equals(values.get("name"))) {
                throw new IllegalStateException("listener failure");
            }
        });
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Explosive", "owner_id", DemoIds.BEN_PARTNER));
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(dog), List.of("name"))).hasSize(1);
        assertThat(heardFor("customk9.dog")).hasSize(1);
    }
}
