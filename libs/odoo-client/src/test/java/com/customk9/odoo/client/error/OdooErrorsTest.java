package com.customk9.odoo.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.error.OdooNotFoundException.Missing;
import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.UpstreamException;

import io.vertx.core.json.JsonObject;

class OdooErrorsTest {

    private static JsonObject rpcError(int code, String name, String message) {
        return new JsonObject().put("code", code).put("message", code == 100 ? "Odoo Session Expired" : "Odoo Server Error")
                .put("data", new JsonObject().put("name", name).put("message", message)
                        .put("debug", "Traceback (most recent call last): secret internals").put("arguments", new io.vertx.core.json.JsonArray()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "odoo.exceptions.AccessError, OdooAccessDeniedException, 403",
            "odoo.exceptions.AccessDenied, OdooAuthenticationException, 401",
            "odoo.exceptions.ValidationError, OdooValidationException, 422",
            "odoo.exceptions.UserError, OdooValidationException, 422",
            "odoo.exceptions.MissingError, OdooNotFoundException, 404",
            "builtins.KeyError, OdooNotFoundException, 404",
            "psycopg2.errors.SerializationFailure, OdooSerializationException, 409",
            "psycopg2.extensions.TransactionRollbackError, OdooSerializationException, 409",
            "odoo.http.SessionExpiredException, OdooSessionExpiredException, 401",
            "builtins.ValueError, OdooConnectionException, 502",
    })
    void mapsEveryJsonRpcErrorName(String name, String expectedType, int status) {
        RuntimeException error = OdooErrors.fromJsonRpc(rpcError(200, name, "something"));

        assertThat(error.getClass().getSimpleName()).isEqualTo(expectedType);
        assertThat(((ApiException) error).status()).isEqualTo(status);
        assertThat(error).isInstanceOf(OdooFailure.class);
    }

    @Test
    void readsOdoos17UnknownModelAndWrongSelectionWording() {
        assertThat(OdooErrors.fromJsonRpc(rpcError(200, "odoo.exceptions.UserError", "Object customk9.cat doesn't exist")))
                .isInstanceOfSatisfying(OdooNotFoundException.class, error -> assertThat(error.missing()).isEqualTo(Missing.MODEL));
        assertThat(OdooErrors.fromJsonRpc(rpcError(200, "builtins.ValueError", "Wrong value for customk9.dog.gender: 'x'")))
                .isInstanceOf(OdooValidationException.class);
    }

    @Test
    void treatsCode100AsAnExpiredSessionWhateverTheName() {
        assertThat(OdooErrors.fromJsonRpc(rpcError(100, "werkzeug.exceptions.Whatever", "Session expired")))
                .isInstanceOf(OdooSessionExpiredException.class);
    }

    @Test
    void keepsOdooWordingOfValidationErrorsForTheUser() {
        OdooValidationException error = (OdooValidationException) OdooErrors.fromJsonRpc(
                rpcError(200, "odoo.exceptions.ValidationError", "The field 'Name' is required"));

        assertThat(error.getMessage()).isEqualTo("The field 'Name' is required");
        assertThat(error.code()).isEqualTo(ErrorCode.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aServerErrorIsATransient502ButABadCallIsNot() {
        assertThat(((OdooConnectionException) OdooErrors.fromJsonRpc(
                rpcError(200, "builtins.RuntimeError", "boom"))).isTransient()).isTrue();
        assertThat(((OdooConnectionException) OdooErrors.fromJsonRpc(
                rpcError(200, "psycopg2.OperationalError", "connection to server failed"))).isTransient()).isTrue();
        assertThat(((OdooConnectionException) OdooErrors.fromJsonRpc(
                rpcError(200, "builtins.ValueError", "Invalid field"))).isTransient()).isFalse();
    }

    @Test
    void anUnknownServerErrorIsA502CarryingOdooErrorWithoutClassNameOrTraceback() {
        OdooConnectionException error = (OdooConnectionException) OdooErrors.fromJsonRpc(
                rpcError(200, "builtins.TypeError", "read() takes 2 arguments"));

        assertThat(error.code()).isEqualTo(ErrorCode.ODOO_CONNECTION_ERROR);
        assertThat(error.getMessage()).isEqualTo("Odoo Connection Error");
        assertThat(error.odooError()).containsEntry("code", 200).containsEntry("message", "read() takes 2 arguments")
                .doesNotContainKey("name").doesNotContainKey("debug");
        assertThat(error.isTransient()).isFalse();
    }

    @Test
    void recognisesSerializationFailuresByPostgresWording() {
        assertThat(OdooErrors.fromJsonRpc(rpcError(200, "builtins.Exception",
                "could not serialize access due to concurrent update")))
                .isInstanceOf(OdooSerializationException.class);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "404, RECORD_NOT_FOUND, OdooNotFoundException",
            "404, MODEL_NOT_FOUND, OdooNotFoundException",
            "404, NOT_FOUND, OdooConnectionException",
            "405, METHOD_NOT_ALLOWED, OdooConnectionException",
            "401, SESSION_TOKEN_REQUIRED, OdooAuthenticationException",
            "403, ACCESS_DENIED, OdooAccessDeniedException",
            "400, VALIDATION_ERROR, OdooValidationException",
            "400, MISSING_FIELDS, OdooValidationException",
            "401, INVALID_API_KEY, OdooAuthenticationException",
            "401, INVALID_CREDENTIALS, OdooAuthenticationException",
            "409, SERIALIZATION_FAILURE, OdooSerializationException",
            "500, INTERNAL_ERROR, OdooConnectionException",
            "503, SERVICE_UNAVAILABLE, OdooConnectionException",
            "422, SOMETHING_NEW, OdooValidationException",
            "404, SOMETHING_NEW, OdooNotFoundException",
            "403, SOMETHING_NEW, OdooAccessDeniedException",
    })
    void mapsApiV2ErrorsByCodeThenByStatus(int status, String code, String expectedType) {
        JsonObject body = new JsonObject().put("success", false)
                .put("error", new JsonObject().put("code", code).put("message", "what Odoo said"));

        assertThat(OdooErrors.fromApiV2(status, body, false).getClass().getSimpleName()).isEqualTo(expectedType);
    }

    @Test
    void tellsAMissingModelFromAMissingRecord() {
        JsonObject body = new JsonObject().put("success", false)
                .put("error", new JsonObject().put("code", "MODEL_NOT_FOUND").put("message", "Model 'x.y' not found"));

        OdooNotFoundException error = (OdooNotFoundException) OdooErrors.fromApiV2(404, body, false);

        assertThat(error.missing()).isEqualTo(Missing.MODEL);
        assertThat(error.odooMessage()).isEqualTo("Model 'x.y' not found");
        assertThat(error.odooError()).containsEntry("code", "MODEL_NOT_FOUND").containsEntry("http_status", 404);
    }

    @Test
    void a401WithASessionTokenIsAnExpiredSessionAndWithAnApiKeyBadCredentials() {
        JsonObject body = new JsonObject().put("success", false)
                .put("error", new JsonObject().put("code", "SESSION_EXPIRED").put("message", "Session expired"));

        assertThat(OdooErrors.fromApiV2(401, body, true)).isInstanceOf(OdooSessionExpiredException.class);
        assertThat(OdooErrors.fromApiV2(401, body, false)).isInstanceOf(OdooAuthenticationException.class);
        assertThat(OdooErrors.fromApiV2(401, new JsonObject().put("success", false).put("error", "Invalid session"), true))
                .isInstanceOf(OdooSessionExpiredException.class);
    }

    @Test
    void readsTheFlatErrorShapeToo() {
        JsonObject flat = new JsonObject().put("success", false).put("error", "Record not found").put("code", "RECORD_NOT_FOUND");

        assertThat(OdooErrors.fromApiV2(404, flat, false)).isInstanceOf(OdooNotFoundException.class);
    }

    @Test
    void http5xxAndNetworkFailuresAreTransient502s() {
        assertThat(OdooErrors.fromHttpStatus(503, "<html>Service Unavailable</html>").isTransient()).isTrue();
        assertThat(OdooErrors.fromHttpStatus(404, "Not Found").isTransient()).isFalse();
        RuntimeException refused = OdooErrors.fromTransport(new ConnectException("Connection refused"));
        assertThat(refused).isInstanceOf(OdooConnectionException.class);
        assertThat(((OdooConnectionException) refused).isTransient()).isTrue();
        assertThat(((UpstreamException) refused).status()).isEqualTo(502);
    }

    @Test
    void timeoutsAre504AndAnOpenBreakerIs503() {
        assertThat(OdooErrors.fromTransport(new TimeoutException("slow")))
                .isInstanceOf(OdooTimeoutException.class)
                .extracting(error -> ((ApiException) error).status()).isEqualTo(504);
        assertThat(OdooErrors.fromTransport(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException()))
                .isInstanceOf(OdooTimeoutException.class);
        assertThat(OdooErrors.fromTransport(new CircuitBreakerOpenException()))
                .isInstanceOf(OdooUnavailableException.class)
                .extracting(error -> ((ApiException) error).status()).isEqualTo(503);
    }

    @Test
    void leavesTypedErrorsAsTheyAre() {
        OdooAccessDeniedException typed = new OdooAccessDeniedException(null);

        assertThat(OdooErrors.fromTransport(typed)).isSameAs(typed);
    }

    @Test
    void everyTypedErrorHasItsOwnMetricsOutcome() {
        assertThat(java.util.stream.Stream.of(
                new OdooNotFoundException(Missing.RECORD, null, null), new OdooAccessDeniedException(null),
                new OdooValidationException(null, null), new OdooSessionExpiredException(null),
                new OdooAuthenticationException(null), new OdooSerializationException(null),
                new OdooConnectionException(true, null, null), new OdooTimeoutException(null),
                new OdooUnavailableException(null))
                .map(OdooFailure::outcome).distinct().count()).isEqualTo(9);
    }
}
