package com.customk9.emulator.apiv2;

/** A refusal of the base_api module: HTTP status, error code and message of the seed-002 envelope. */
public class ApiV2Error extends RuntimeException {

    private final int status;
    private final String code;

    public ApiV2Error(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiV2Error validation(String message) {
        return new ApiV2Error(400, ApiV2Codes.VALIDATION_ERROR, message);
    }

    public static ApiV2Error invalidJson(String message) {
        return new ApiV2Error(400, ApiV2Codes.INVALID_JSON, message);
    }

    public static ApiV2Error forbidden(String message) {
        return new ApiV2Error(403, ApiV2Codes.ACCESS_DENIED, message);
    }

    public static ApiV2Error recordNotFound(String message) {
        return new ApiV2Error(404, ApiV2Codes.RECORD_NOT_FOUND, message);
    }

    public static ApiV2Error modelNotFound(String model) {
        return new ApiV2Error(404, ApiV2Codes.MODEL_NOT_FOUND, "Model '" + model + "' not found");
    }
}
