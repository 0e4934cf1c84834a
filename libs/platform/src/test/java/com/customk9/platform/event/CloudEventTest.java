package com.customk9.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CloudEventTest {

    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private static CloudEvent dogCreated() {
        return CloudEvent.of("/customk9/training", "com.customk9.training.dog.created", "dog:42",
                JsonNodeFactory.instance.objectNode().put("name", "Rex"));
    }

    @Test
    void writesTheSpecAttributeNames() throws Exception {
        var json = new ObjectMapper().readTree(codec.toJson(dogCreated()));
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).hasSize(36);
        assertThat(json.get("source").asText()).isEqualTo("/customk9/training");
        assertThat(json.get("type").asText()).isEqualTo("com.customk9.training.dog.created");
        assertThat(json.get("subject").asText()).isEqualTo("dog:42");
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("data").get("name").asText()).isEqualTo("Rex");
    }

    @Test
    void readsBackWhatItWrote() {
        CloudEvent event = dogCreated();
        CloudEvent read = codec.fromJson(codec.toJson(event));
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.time()).isEqualTo(event.time());
        assertThat(read.data()).isEqualTo(event.data());
    }

    @Test
    void givesEveryEventItsOwnId() {
        assertThat(dogCreated().id()).isNotEqualTo(dogCreated().id());
    }

    @Test
    void refusesWhatIsNotACloudEvent() {
        assertThrows(InvalidEventException.class, () -> codec.fromJson("{not json"));
        assertThrows(InvalidEventException.class, () -> codec.fromJson(""));
        assertThrows(InvalidEventException.class, () -> codec.fromJson("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}"));
        assertThrows(InvalidEventException.class, () -> codec.fromJson("{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}"));
        assertThrows(InvalidEventException.class, () -> codec.fromJson("{\"specversion\":\"1.0\",\"id\":\" \",\"source\":\"/x\",\"type\":\"t\"}"));
    }

    @Test
    void topicsFollowTheServiceConvention() {
        assertThat(Topics.eventsOf("training")).isEqualTo(Topics.TRAINING_EVENTS);
    }
}
