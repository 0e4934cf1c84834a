package com.customk9.auth.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new client's sign-up: becomes a res.partner and a portal res.users in Odoo (seed 000's flow). */
public record RegistrationRequest(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 1024) String password,
        @Size(max = 32) @Pattern(regexp = "[0-9 +().-]*", message = "may contain digits, spaces and + ( ) . - only") String phone) {
}
