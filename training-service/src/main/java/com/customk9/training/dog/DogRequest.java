package com.customk9.training.dog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new dog, or (in a PATCH, where {@code name} may be left out) the fields to change. Training level
 * from a fixed set; age 0 to 30 years; weight 0 to 120 kg; a birth date not in the future.
 */
public record DogRequest(
        @Size(min = 1, max = 64) String name,
        @Size(max = 64) String breed,
        @JsonProperty("birth_date") @PastOrPresent LocalDate birthDate,
        @Min(0) @Max(30) Integer age,
        @Pattern(regexp = "male|female", message = "must be male or female") String gender,
        @DecimalMin("0.0") @DecimalMax("120.0") BigDecimal weight,
        @JsonProperty("training_level") @Pattern(regexp = "beginner|intermediate|advanced",
                message = "must be beginner, intermediate or advanced") String trainingLevel,
        @Size(max = 4000) String notes) {

    /** The Odoo values of the fields present. */
    Map<String, Object> odooValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "name", name == null ? null : name.trim());
        put(values, "breed", breed);
        put(values, "birth_date", birthDate == null ? null : birthDate.toString());
        put(values, "age", age);
        put(values, "gender", gender);
        put(values, "weight", weight);
        put(values, "training_level", trainingLevel);
        put(values, "notes", notes);
        return values;
    }

    boolean hasName() {
        return name != null && !name.isBlank();
    }

    private static void put(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** A creation needs a name (a PATCH may leave it out, so it is not a Bean Validation constraint). */
    static void requireName(DogRequest request) {
        if (!request.hasName()) {
            throw com.customk9.platform.error.ApiException.invalid("name", "must not be blank");
        }
    }
}
