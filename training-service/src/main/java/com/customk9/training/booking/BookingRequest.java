package com.customk9.training.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service request: what it is about, optionally for which of my dogs and for which priced service
 * (a product.product of type service; a service with a price makes an invoice).
 */
public record BookingRequest(
        @NotBlank @Size(max = 128) String name,
        @Size(max = 4000) String description,
        @JsonProperty("dog_id") @Positive Long dogId,
        @JsonProperty("service_id") @Positive Long serviceId) {
}
