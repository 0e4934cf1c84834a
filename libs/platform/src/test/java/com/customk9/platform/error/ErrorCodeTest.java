package com.customk9.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void mapsBareStatusesToTheirCodes() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(ErrorCode.forStatus(599)).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorCode.forStatus(414)).isEqualTo(ErrorCode.URI_TOO_LONG);
        assertThat(ErrorCode.forStatus(431)).isEqualTo(ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }

    @Test
    void everyCodesStatusMapsBackToACodeOfThatStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.forStatus(code.status()).status()).as(code.name()).isEqualTo(code.status());
        }
    }

    @Test
    void odooConnectionErrorIsThe502OfSeed003() {
        assertThat(ErrorCode.ODOO_CONNECTION_ERROR.status()).isEqualTo(502);
        assertThat(ErrorCode.ODOO_CONNECTION_ERROR.defaultMessage()).isEqualTo("Odoo Connection Error");
    }
}
